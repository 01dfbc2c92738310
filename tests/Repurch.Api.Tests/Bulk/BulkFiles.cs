using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Repurch.Api.Tests.Infrastructure;
using SpreadCheetah;

namespace Repurch.Api.Tests.Bulk;

/// <summary>Builds bulk files for tests: CSV text and real XLSX workbooks.</summary>
public static class BulkFiles
{
    public const string Header = "title,price_gbp,category,condition,brand,colour,fabric,age_years,sku";

    public static string ValidRow(int i, string? sku = null) =>
        $"Grey velvet sofa {i},{599 + i % 100}.00,Corner Sofas,like-new,DFS,Grey,Velvet,1 year old,{sku ?? ""}";

    public static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    public static async Task<byte[]> XlsxAsync(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var ms = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(ms))
        {
            await book.StartWorksheetAsync("Listings");
            await book.AddRowAsync(header.Select(h => new Cell(h)).ToArray());
            foreach (var row in rows)
            {
                await book.AddRowAsync(row.Select(v => v switch
                {
                    null => new Cell((string?)null),
                    decimal d => new Cell(d),
                    int n => new Cell(n),
                    double d => new Cell(d),
                    _ => new Cell(Convert.ToString(v, CultureInfo.InvariantCulture)),
                }).ToArray());
            }
            await book.FinishAsync();
        }
        return ms.ToArray();
    }

    public static object?[] XlsxRow(int i, string? sku = null) =>
        [$"Grey velvet sofa {i}", 599m + i % 100, "Corner Sofas", "like-new", "DFS", "Grey", "Velvet", "1 year old", sku];

    public static readonly string[] XlsxHeader = ["title", "price_gbp", "category", "condition", "brand", "colour", "fabric", "age_years", "sku"];

    public static string B64Body(byte[] file) => JsonSerializer.Serialize(new { file_b64 = Convert.ToBase64String(file) });
    public static string CsvBody(string csv) => JsonSerializer.Serialize(new { csv_text = csv });

    public static async Task<JsonElement> OkAsync(this HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    public static HttpContent Raw(byte[] file, string type = "text/csv")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    public static HttpContent Multipart(byte[] file, string name = "listings.csv")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        return form;
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Polls a job until it has finished.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await (await client.GetAsync($"/v1/listings/bulk-jobs/{id}")).OkAsync();
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed") return job;
            Assert.True(DateTime.UtcNow < until, $"job {id} did not finish: {job}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> StartJobAsync(HttpClient client, HttpContent content, string query = "")
    {
        var response = await client.PostAsync($"/v1/listings/bulk-jobs{query}", content);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
