<?php

declare(strict_types=1);

namespace Repurch;

/** A webhook whose signature, timestamp or headers do not check out: answer it 400 and drop it. */
final class WebhookVerificationException extends \RuntimeException
{
}
