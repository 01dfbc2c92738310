namespace Repurch.Api.Features.Bulk;

/// <summary>
/// The rows of a file as read once, in a compact binary temp file. A job has to count its rows before
/// importing them (for progress); spooling them during the count means an XLSX is parsed once, not
/// twice, while memory stays bounded. Deleted when disposed.
/// </summary>
public sealed class RowSpool : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"repurch-spool-{Guid.NewGuid():N}");
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    public RowSpool()
    {
        _file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    public void Write(SheetRow row)
    {
        _writer.Write(row.Number);
        _writer.Write(row.Malformed);
        _writer.Write(row.Cells.Length);
        for (var i = 0; i < row.Cells.Length; i++)
        {
            var cell = row.Cells[i];
            // 0: empty, 1: text, 2: number
            _writer.Write((byte)(cell is null ? 0 : row.Numeric[i] ? 2 : 1));
            if (cell is not null) _writer.Write(cell);
        }
    }

    /// <summary>Every row written, in order. Call once, after the last <see cref="Write"/>.</summary>
    public IEnumerable<SheetRow> Read()
    {
        _writer.Flush();
        _file.Position = 0;
        var end = _file.Length;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        while (_file.Position < end)
        {
            var number = reader.ReadInt32();
            var malformed = reader.ReadBoolean();
            var count = reader.ReadInt32();
            var cells = new string?[count];
            var numeric = new bool[count];
            for (var i = 0; i < count; i++)
            {
                var kind = reader.ReadByte();
                if (kind == 0) continue;
                cells[i] = reader.ReadString();
                numeric[i] = kind == 2;
            }
            yield return new SheetRow(number, cells, numeric, malformed);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
