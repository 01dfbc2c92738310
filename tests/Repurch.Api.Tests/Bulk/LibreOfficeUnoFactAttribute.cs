namespace Repurch.Api.Tests.Bulk;

/// <summary>
/// Runs where LibreOffice and its Python bridge (Debian's python3-uno, for /usr/bin/python3) are
/// installed; skipped elsewhere unless REPURCH_REQUIRE_LIBREOFFICE=1, which makes it run (and fail).
/// </summary>
public sealed class LibreOfficeUnoFactAttribute : FactAttribute
{
    /// <summary>The interpreter python3-uno installs into; a pyenv or venv python3 on PATH cannot import uno.</summary>
    public static readonly string? Python =
        LibreOfficeFactAttribute.Soffice is not null && File.Exists("/usr/bin/python3") && File.Exists("/usr/lib/python3/dist-packages/uno.py")
            ? "/usr/bin/python3"
            : null;

    public LibreOfficeUnoFactAttribute()
    {
        if (Python is null && Environment.GetEnvironmentVariable("REPURCH_REQUIRE_LIBREOFFICE") != "1")
            Skip = "LibreOffice's Python bridge is not installed (apt-get install libreoffice-calc-nogui python3-uno); .ci/run installs it.";
    }
}
