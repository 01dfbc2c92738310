namespace Repurch.Api.Features.Bulk;

/// <summary>The file could not be read as a CSV or XLSX: the message says why, for the partner.</summary>
public sealed class BadFileException(string message) : Exception(message);
