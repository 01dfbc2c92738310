using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sylvan.Data.Csv;

namespace Repurch.Api.Features.Bulk;

/// <summary>
/// Reads bulk files row by row with bounded memory: XLSX as parts found by the Open XML SDK and read
/// with a streaming <see cref="XmlReader"/>, CSV through Sylvan.Data.Csv. The format is decided from the bytes (a zip
/// signature means XLSX). <see cref="Open"/> inspects the whole file first and refuses what is unsafe
/// or unreadable (zip bombs, macros, external links, DTDs, binary garbage, undecodable text), so the
/// row pass that follows never meets those.
/// </summary>
public sealed class BulkFile
{
    public const int MaxCellChars = 32_767; // Excel's own cell limit
    public const int MaxColumns = 200;

    private readonly Stream _stream;
    private readonly Encoding? _encoding;

    public string Format { get; }

    private BulkFile(Stream stream, string format, Encoding? encoding)
    {
        _stream = stream;
        Format = format;
        _encoding = encoding;
    }

    public static bool LooksLikeZip(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] is 3 or 5 or 7 && head[3] is 4 or 6 or 8;

    /// <summary>Inspects a seekable stream and returns a reader for it; throws <see cref="BadFileException"/>.</summary>
    public static BulkFile Open(Stream stream, BulkLimits limits)
    {
        if (!stream.CanSeek) throw new ArgumentException("A seekable stream is required.", nameof(stream));
        if (stream.Length == 0) throw new BadFileException("The file is empty.");
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (LooksLikeZip(head[..n]))
        {
            InspectXlsx(stream, limits);
            return new BulkFile(stream, "xlsx", null);
        }
        if (n >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw new BadFileException("This is an old binary Excel file (.xls). Save it as .xlsx or CSV and upload that.");
        return new BulkFile(stream, "csv", InspectText(stream));
    }

    // ---------------------------------------------------------------- XLSX

    private static void InspectXlsx(Stream stream, BulkLimits limits)
    {
        try
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (zip.Entries.Count > limits.MaxZipEntries) throw new BadFileException("The workbook has too many parts to be a spreadsheet.");
                long total = 0;
                var buffer = new byte[81920];
                foreach (var entry in zip.Entries)
                {
                    var name = entry.FullName.Replace('\\', '/');
                    if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && name.Contains("vba", StringComparison.OrdinalIgnoreCase))
                        throw new BadFileException("Macro-enabled workbooks (.xlsm, VBA projects) are not accepted. Save the sheet as a plain .xlsx workbook.");
                    if (name.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase))
                        throw new BadFileException("The workbook links to other workbooks (external links). Paste the values in and save it without links.");
                    // Read every part to its end: the sizes a zip declares can lie, the bytes cannot.
                    using var raw = entry.Open();
                    var isXml = name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                    var budget = Math.Min(limits.MaxUncompressedBytes - total, Math.Max(1024L * 1024, entry.CompressedLength * (long)limits.MaxCompressionRatio));
                    using var counted = new CountingStream(raw, budget);
                    if (isXml) CheckXmlProlog(counted, name);
                    int read;
                    while ((read = counted.Read(buffer, 0, buffer.Length)) > 0) { }
                    total += counted.Count;
                    if (name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)) CheckContentTypes(entry);
                }
            }
            stream.Position = 0;
            using var doc = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            var wb = doc.WorkbookPart ?? throw new BadFileException("The file is a zip archive but not an Excel workbook.");
            if (doc.DocumentType != SpreadsheetDocumentType.Workbook)
                throw new BadFileException("Macro-enabled and template workbooks are not accepted. Save the sheet as a plain .xlsx workbook.");
            if (wb.ExternalWorkbookParts.Any())
                throw new BadFileException("The workbook links to other workbooks (external links). Paste the values in and save it without links.");
            _ = DataSheet(wb);
        }
        catch (BadFileException)
        {
            throw;
        }
        catch (ZipBombException e)
        {
            throw new BadFileException(e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or OpenXmlPackageException or InvalidOperationException or NotSupportedException or FileFormatException or ArgumentException)
        {
            throw new BadFileException($"The file starts like an XLSX workbook but cannot be read as one ({Describe(e)}).");
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        XmlException x when x.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) => "it declares an XML DTD, which is not allowed",
        InvalidDataException => "the zip archive is damaged",
        _ => "damaged or not a workbook",
    };

    /// <summary>Refuses any DTD (billion laughs, external entities): the prolog is read with DTDs prohibited.</summary>
    private static void CheckXmlProlog(Stream s, string name)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false, MaxCharactersInDocument = 0 };
        try
        {
            using var reader = XmlReader.Create(s, settings);
            while (reader.Read() && reader.NodeType != XmlNodeType.Element) { }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadFileException($"The workbook part {name} declares an XML DTD, which is not allowed in a spreadsheet.");
        }
    }

    private static void CheckContentTypes(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var counted = new CountingStream(s, 1024 * 1024);
        using var reader = new StreamReader(counted);
        var text = reader.ReadToEnd();
        if (text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || text.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
            throw new BadFileException("Macro-enabled workbooks (.xlsm, VBA projects) are not accepted. Save the sheet as a plain .xlsx workbook.");
    }

    /// <summary>The sheet named <c>Listings</c> (the template's), else the first sheet.</summary>
    private static WorksheetPart DataSheet(WorkbookPart wb)
    {
        var sheets = wb.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, "Listings", StringComparison.OrdinalIgnoreCase)) ?? sheets.FirstOrDefault();
        if (sheet?.Id?.Value is not { } id || wb.GetPartById(id) is not WorksheetPart part)
            throw new BadFileException("The workbook has no worksheet.");
        return part;
    }

    /// <summary>
    /// The data sheet's rows, read with a plain <see cref="XmlReader"/> over the part (the Open XML SDK
    /// finds the parts): loading each row as SDK elements made parsing the slowest step of a large job.
    /// Elements are matched by local name, so transitional and strict workbooks read alike.
    /// </summary>
    private IEnumerable<SheetRow> XlsxRows()
    {
        _stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(_stream, false, new OpenSettings { MaxCharactersInPart = BulkLimits.Large.MaxUncompressedBytes });
        var wb = doc.WorkbookPart!;
        var strings = SharedStrings(wb);
        using var part = DataSheet(wb).GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(part, XmlSettings);
        var cells = new List<string?>();
        var numeric = new List<bool>();
        var lastRow = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
            var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
            lastRow = number;
            cells.Clear();
            numeric.Clear();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                var nextCol = 0;
                while (xml.Read() && xml.Depth > depth)
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
                    var col = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : nextCol;
                    nextCol = col + 1;
                    var type = xml.GetAttribute("t");
                    if (xml.IsEmptyElement) continue;
                    var (value, isNumber) = ReadCell(xml, type, strings);
                    if (col < 0 || col >= MaxColumns || value is null) continue;
                    while (cells.Count <= col) { cells.Add(null); numeric.Add(false); }
                    cells[col] = value;
                    numeric[col] = isNumber;
                }
            }
            yield return new SheetRow(number, [.. cells], [.. numeric]);
        }
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
    };

    /// <summary>Reads a <c>c</c> element to its end: its <c>v</c> (typed by <paramref name="type"/>) or its inline <c>is</c> text.</summary>
    private static (string? Value, bool Numeric) ReadCell(XmlReader xml, string? type, List<string> strings)
    {
        var depth = xml.Depth;
        string? raw = null;
        string? inline = null;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v") { raw = xml.ReadElementContentAsString(); continue; }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is") { inline = ReadText(xml); continue; }
            if (!xml.Read()) break;
        }
        if (type == "inlineStr") return (inline, false);
        if (raw is null) return (null, false);
        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? (strings[i], false) : (null, false),
            "b" => (raw == "1" ? "TRUE" : "FALSE", false),
            "str" or "e" => (raw, false),
            // "n" or no type: a number (dates are numbers too, as in the file).
            _ => (raw, true),
        };
    }

    /// <summary>
    /// The text of a string item (<c>si</c> or <c>is</c>), read to its end: plain <c>t</c> or the runs'
    /// <c>t</c>s; phonetic runs (<c>rPh</c>) are not part of the value.
    /// </summary>
    private static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement) { xml.Read(); return ""; }
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? sb = null;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh") { xml.Skip(); continue; }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                if (single is null && sb is null) single = text;
                else (sb ??= new StringBuilder(single)).Append(text);
                continue;
            }
            if (!xml.Read()) break;
        }
        if (xml.NodeType == XmlNodeType.EndElement) xml.Read();
        return sb?.ToString() ?? single ?? "";
    }

    private static List<string> SharedStrings(WorkbookPart wb)
    {
        var list = new List<string>();
        if (wb.SharedStringTablePart is not { } sst) return list;
        using var stream = sst.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si") { list.Add(ReadText(xml)); continue; }
            xml.Read();
        }
        return list;
    }

    /// <summary>Zero-based column of an A1 reference (<c>C7</c> is 2).</summary>
    public static int ColumnIndex(string reference)
    {
        var col = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') { col = col * 26 + (c - 'A' + 1); letters++; }
            else if (c is >= 'a' and <= 'z') { col = col * 26 + (c - 'a' + 1); letters++; }
            else break;
            if (letters > 3) return -1;
        }
        return col - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    // ---------------------------------------------------------------- CSV

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decides the text encoding from the whole file: a UTF-8 or UTF-16 byte order mark, else UTF-8
    /// when every byte sequence is valid UTF-8, else Windows-1252 (what Excel on Windows writes for
    /// "CSV"). Binary content (NUL bytes, control characters) is refused.
    /// </summary>
    private static Encoding InspectText(Stream stream)
    {
        Span<byte> bom = stackalloc byte[3];
        stream.Position = 0;
        var n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        stream.Position = 0;
        Encoding? declared = null;
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) declared = StrictUtf8;
        else if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE) declared = new UnicodeEncoding(false, true, true);
        else if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF) declared = new UnicodeEncoding(true, true, true);
        var encoding = declared ?? StrictUtf8;
        var isText = ScanText(stream, encoding, out var decodes);
        if (!decodes && declared is not null)
            throw new BadFileException($"The file starts with a {(declared is UnicodeEncoding ? "UTF-16" : "UTF-8")} byte order mark but is not valid {(declared is UnicodeEncoding ? "UTF-16" : "UTF-8")} text. Save it again as CSV UTF-8.");
        if (!decodes)
        {
            encoding = Windows1252.Value;
            isText = ScanText(stream, encoding, out _);
        }
        if (!isText) throw new BadFileException("The file is not a CSV or XLSX file: it contains binary data.");
        stream.Position = 0;
        return encoding;
    }

    /// <summary>What Excel on Windows writes for plain "CSV"; bytes it leaves undefined become U+FFFD.</summary>
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    });

    /// <summary>Decodes the whole stream; false when it holds binary characters. <paramref name="decodes"/> is false when decoding failed.</summary>
    private static bool ScanText(Stream stream, Encoding encoding, out bool decodes)
    {
        stream.Position = 0;
        decodes = true;
        try
        {
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
            var buffer = new char[64 * 1024];
            long controls = 0, chars = 0;
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var c = buffer[i];
                    if (c == '\0') return false;
                    if (c < ' ' && c is not '\r' and not '\n' and not '\t' || c == '\uFFFD') controls++;
                }
                chars += read;
                if (chars >= 4096 && controls * 100 > chars) return false;
            }
            return controls * 100 <= Math.Max(chars, 100);
        }
        catch (DecoderFallbackException)
        {
            decodes = false;
            return true;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private IEnumerable<SheetRow> CsvRows()
    {
        _stream.Position = 0;
        using var text = new StreamReader(_stream, _encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            // Delimiter left unset: detected from the first line (comma, semicolon, tab or pipe).
            BufferSize = 64 * 1024,
            MaxBufferSize = 4 * MaxCellChars * 8,
            OwnsReader = false,
        };
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, options);
        }
        catch (Exception e) when (e is CsvFormatException or CsvRecordTooLargeException or CsvConfigurationException)
        {
            throw new BadFileException("The first row cannot be read as CSV.");
        }
        using (csv)
        {
            var number = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = csv.Read();
                }
                catch (Exception e) when (e is CsvFormatException or CsvRecordTooLargeException)
                {
                    throw new BadFileException($"Row {number + 1} cannot be read as CSV (a row longer than the limit, or an unclosed quote).");
                }
                if (!more) yield break;
                number++;
                var count = Math.Min(csv.RowFieldCount, MaxColumns);
                var cells = new string?[count];
                for (var i = 0; i < count; i++)
                {
                    var cell = csv.GetString(i);
                    if (cell.Length > MaxCellChars) throw new BadFileException($"Row {number} has a cell longer than {MaxCellChars} characters.");
                    cells[i] = cell;
                }
                // A UTF-8 byte order mark is not part of the first header.
                if (number == 1 && count > 0 && cells[0]!.StartsWith('\uFEFF')) cells[0] = cells[0]![1..];
                yield return new SheetRow(number, cells, new bool[count]);
            }
        }
    }

    /// <summary>Every row in file order, the header included. Can be enumerated again (one reader at a time).</summary>
    public IEnumerable<SheetRow> Rows() => Format == "xlsx" ? XlsxRows() : CsvRows();
}

/// <summary>A read-only stream that throws once more than <c>limit</c> bytes come out of it.</summary>
internal sealed class CountingStream(Stream inner, long limit) : Stream
{
    public long Count { get; private set; }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        Count += n;
        if (Count > limit) throw new ZipBombException();
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

internal sealed class ZipBombException() : Exception("The workbook expands to far more data than its size suggests (a zip bomb), or is too large to process.");
