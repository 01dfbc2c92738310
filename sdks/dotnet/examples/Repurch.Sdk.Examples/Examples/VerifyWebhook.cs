using System.Net;

namespace Repurch.Sdk.Examples.Examples;

public static class VerifyWebhook
{
    public static async Task RunAsync(string[] args)
    {
        // The endpoint's secret; during a rotation, the previous one too until it expires.
        string[] secrets = [.. new[] { "REPURCH_WEBHOOK_SECRET", "REPURCH_WEBHOOK_PREVIOUS_SECRET" }
            .Select(Environment.GetEnvironmentVariable).OfType<string>().Where(s => s.Length > 0)];
        var port = Environment.GetEnvironmentVariable("PORT") ?? "3000";

        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        Console.WriteLine($"listening on {port}");
        while (true)
        {
            var context = await listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            try
            {
                // Verify the raw bytes before parsing them.
                var webhook = Webhook.Verify(body.ToArray(), name => context.Request.Headers[name], secrets);
                Console.WriteLine($"verified {webhook.Type} {webhook.Id}");
                context.Response.StatusCode = 204;
            }
            catch (WebhookVerificationException error)
            {
                Console.WriteLine($"rejected: {error.Message}");
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }
}
