<?php

declare(strict_types=1);

namespace Repurch;

/** The request never got an answer (refused, reset, DNS, timeout) after every retry. */
final class RepurchConnectionException extends \RuntimeException
{
}
