<?php

declare(strict_types=1);

namespace Repurch;

/** This SDK's version, sent in the User-Agent (a unit test keeps it equal to composer.json's). */
final class Version
{
    public const VERSION = '0.1.0';
}
