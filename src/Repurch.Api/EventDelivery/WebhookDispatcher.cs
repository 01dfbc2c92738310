using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Repurch.Api.Observability;
using Repurch.Api.Persistence;

namespace Repurch.Api.EventDelivery;

/// <summary>
/// Delivers the outbox. Per plane it LISTENs for <c>repurch_webhooks</c> (sent at commit by a trigger on
/// events and deliveries) and polls <c>webhook_due_brands()</c> for retries. Each due brand is worked in
/// its own brand-scoped session, so row-level security holds here as in the API, and brands are worked
/// concurrently so one brand's slow receiver never holds up another's.
/// </summary>
/// <remarks>
/// At-least-once: a delivery is claimed by pushing its due time a lease into the future, attempted outside
/// any transaction, then recorded. A node that dies mid-attempt leaves the lease to expire and another
/// node retries. Fan-out of a brand's events takes a per-brand advisory lock, so ordered endpoints see
/// events in outbox order across nodes.
/// </remarks>
public sealed class WebhookDispatcher(
    DataPlanes planes, IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private readonly WebhookOptions _options = options.Value;
    private readonly ConcurrentDictionary<(Plane, string), BrandRun> _running = new();
    private readonly SemaphoreSlim _attempts = new(options.Value.MaxConcurrentAttempts);

    private sealed class BrandRun
    {
        public volatile bool Again;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.DispatcherEnabled
            ? Task.WhenAll(PlaneLoop(Plane.Live, stoppingToken), PlaneLoop(Plane.Sandbox, stoppingToken))
            : Task.CompletedTask;

    private async Task PlaneLoop(Plane plane, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var listen = await planes.For(plane).OpenConnectionAsync(ct);
                listen.Notification += (_, e) => Kick(plane, e.Payload, ct);
                await using (var cmd = new NpgsqlCommand("LISTEN repurch_webhooks", listen)) await cmd.ExecuteNonQueryAsync(ct);
                while (!ct.IsCancellationRequested)
                {
                    await using (var due = new NpgsqlCommand("SELECT brand_id FROM webhook_due_brands() WHERE due_at <= now()", listen))
                    await using (var reader = await due.ExecuteReaderAsync(ct))
                    {
                        while (await reader.ReadAsync(ct)) Kick(plane, reader.GetString(0), ct);
                    }
                    // Returns early when a notification arrives; the handler has already kicked its brand.
                    await listen.WaitAsync(_options.PollInterval, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Webhook dispatcher loop for the {Plane} plane failed; restarting", plane);
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Starts working a brand, or asks the run already working it to look again.</summary>
    private void Kick(Plane plane, string brandId, CancellationToken ct)
    {
        var run = new BrandRun();
        if (!_running.TryAdd((plane, brandId), run))
        {
            if (_running.TryGetValue((plane, brandId), out var existing)) existing.Again = true;
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await WorkBrandAsync(plane, brandId, run, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Webhook work for brand {BrandId} failed; it is retried on the next poll", brandId);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _running.TryRemove((plane, brandId), out _);
                // A notification that arrived after the run's last look would otherwise wait for the next poll.
                if (run.Again && !ct.IsCancellationRequested) Kick(plane, brandId, ct);
            }
        }, CancellationToken.None);
    }

    private async Task WorkBrandAsync(Plane plane, string brandId, BrandRun run, CancellationToken ct)
    {
        while (true)
        {
            run.Again = false;
            await FanOutAsync(plane, brandId, ct);
            var claimed = await ClaimAsync(plane, brandId, ct);
            if (claimed.Count > 0)
            {
                await DeliverAsync(plane, brandId, claimed, ct);
                continue;
            }
            if (!run.Again) return;
        }
    }

    /// <summary>One pending delivery per matching enabled endpoint for each event not yet fanned out.</summary>
    private async Task FanOutAsync(Plane plane, string brandId, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Locks.LockAdvisoryAsync(db, "webhook_fan_out", brandId, ct);
        // Ids and types only, and set-based writes: a bulk job emits thousands of events at a time,
        // and a statement per event here competed with the import itself.
        var events = await db.Events.Where(e => e.FannedOutAt == null).OrderBy(e => e.Seq).Take(2000)
            .Select(e => new EventRecord { Id = e.Id, Seq = e.Seq, BrandId = e.BrandId, Type = e.Type, Data = "" })
            .ToListAsync(ct);
        if (events.Count == 0) return;
        var endpoints = await db.WebhookEndpoints.Where(e => e.Enabled).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var deliveries = new List<WebhookDelivery>();
        foreach (var evt in events)
        {
            foreach (var endpoint in endpoints.Where(e => WebhookEventTypes.Matches(e.EventTypes, evt.Type)))
                deliveries.Add(NewDelivery(evt, endpoint.Id, "event", now));
        }
        await BatchWrites.InsertAsync(db, deliveries, ct);
        var ids = events.Select(e => e.Id).ToArray();
        await db.Database.ExecuteSqlAsync($"UPDATE events SET fanned_out_at = {now} WHERE id = ANY({ids})", ct);
        await tx.CommitAsync(ct);
    }

    public static WebhookDelivery NewDelivery(EventRecord evt, string endpointId, string reason, DateTimeOffset now) => new()
    {
        BrandId = evt.BrandId, EndpointId = endpointId, EventId = evt.Id, EventSeq = evt.Seq,
        Status = "pending", Reason = reason, NextAttemptAt = now, CreatedAt = now,
    };

    private async Task<List<long>> ClaimAsync(Plane plane, string brandId, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            UPDATE webhook_deliveries d SET next_attempt_at = now() + @lease
            WHERE d.id IN (
              SELECT d2.id FROM webhook_deliveries d2 JOIN webhook_endpoints e ON e.id = d2.endpoint_id
              WHERE d2.status = 'pending' AND d2.next_attempt_at <= now() AND e.enabled
                AND (NOT e.ordered OR NOT EXISTS (
                  SELECT 1 FROM webhook_deliveries p
                  WHERE p.endpoint_id = d2.endpoint_id AND p.status = 'pending' AND (p.event_seq, p.id) < (d2.event_seq, d2.id)))
              ORDER BY d2.event_seq, d2.id
              LIMIT 200
              FOR UPDATE OF d2 SKIP LOCKED)
            RETURNING d.id
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        cmd.Parameters.AddWithValue("lease", _options.Lease);
        var ids = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Loads the claimed deliveries at once, sends them concurrently, and records every outcome in one transaction.</summary>
    private async Task DeliverAsync(Plane plane, string brandId, List<long> ids, CancellationToken ct)
    {
        List<(long DeliveryId, WebhookEndpoint Endpoint, EventRecord Event)> work;
        await using (var db = planes.Open(plane, brandId))
        {
            await db.Database.OpenConnectionAsync(ct);
            var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
            var eventIds = deliveries.Select(d => d.EventId).Distinct().ToList();
            var endpoints = await db.WebhookEndpoints.Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            var events = await db.Events.Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            work = deliveries
                .Where(d => endpoints.ContainsKey(d.EndpointId) && events.ContainsKey(d.EventId))
                .Select(d => (d.Id, endpoints[d.EndpointId], events[d.EventId])).ToList();
        }
        // A brand gets at most a quarter of the node's attempt slots, so slow receivers of one brand
        // cannot take every slot from the others.
        using var brandSlots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentAttempts / 4));
        var outcomes = await Task.WhenAll(work.Select(async w =>
        {
            await brandSlots.WaitAsync(ct);
            await _attempts.WaitAsync(ct);
            try
            {
                return (w.DeliveryId, Outcome: await SendAsync(plane, w.Endpoint, w.Event, ct));
            }
            finally
            {
                _attempts.Release();
                brandSlots.Release();
            }
        }));
        await RecordAsync(plane, brandId, outcomes, ct);
    }

    private sealed record Outcome(bool Success, int? StatusCode, int LatencyMs, string? Error, string? ResponseBody);

    private async Task<Outcome> SendAsync(Plane plane, WebhookEndpoint endpoint, EventRecord evt, CancellationToken ct)
    {
        var body = Payload(evt, plane);
        var now = clock.GetUtcNow();
        var secrets = new List<string> { endpoint.Secret };
        if (endpoint.PreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now) secrets.Add(previous);
        var timestamp = now.ToUnixTimeSeconds();

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", evt.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.SignatureHeader(secrets, evt.Id, timestamp, body));

        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = await ReadPrefixAsync(response, timeout.Token);
            var code = (int)response.StatusCode;
            return new Outcome(code is >= 200 and < 300, code, (int)watch.ElapsedMilliseconds, code is >= 200 and < 300 ? null : $"HTTP {code}", text);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(false, null, (int)watch.ElapsedMilliseconds, $"timeout: no answer within {_options.Timeout.TotalSeconds:0.#} s", null);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookBlockedException blocked)
        {
            return new Outcome(false, null, (int)watch.ElapsedMilliseconds, "destination_blocked: " + blocked.Message, null);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, null, (int)watch.ElapsedMilliseconds, Truncate("connection_failed: " + e.Message, 500), null);
        }
    }

    private static async Task<string?> ReadPrefixAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[1000];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read).Replace("\0", "", StringComparison.Ordinal);
    }

    private async Task RecordAsync(Plane plane, string brandId, IReadOnlyList<(long DeliveryId, Outcome Outcome)> outcomes, CancellationToken ct)
    {
        await using var db = planes.Open(plane, brandId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = outcomes.Select(o => o.DeliveryId).ToList();
        var deliveries = await db.WebhookDeliveries.AsTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var endpointIds = deliveries.Values.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var (deliveryId, outcome) in outcomes)
        {
            // Deleted with its endpoint while the attempt ran: nothing to record.
            if (!deliveries.TryGetValue(deliveryId, out var delivery) || !endpoints.TryGetValue(delivery.EndpointId, out var endpoint)) continue;
            Apply(db, brandId, delivery, endpoint, outcome, now);
            var result = outcome.Success ? RepurchMetrics.WebhookOutcome.Delivered
                : outcome.Error?.StartsWith("destination_blocked", StringComparison.Ordinal) == true ? RepurchMetrics.WebhookOutcome.Blocked
                : delivery.Status == "failed" ? RepurchMetrics.WebhookOutcome.GaveUp
                : RepurchMetrics.WebhookOutcome.Failed;
            RepurchMetrics.WebhookDelivery(brandId, result, outcome.LatencyMs / 1000.0, plane, outcome.StatusCode);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private void Apply(RepurchDb db, string brandId, WebhookDelivery delivery, WebhookEndpoint endpoint, Outcome outcome, DateTimeOffset now)
    {
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            BrandId = brandId, DeliveryId = delivery.Id, EndpointId = endpoint.Id, EventId = delivery.EventId,
            StatusCode = outcome.StatusCode, LatencyMs = outcome.LatencyMs, Error = outcome.Error,
            ResponseBody = outcome.ResponseBody is { } r ? Truncate(r, 1000) : null, CreatedAt = now,
        });
        delivery.Attempts++;
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastError = outcome.Error;
        if (outcome.Success)
        {
            delivery.Status = "succeeded";
            delivery.CompletedAt = now;
            endpoint.FailingSince = null;
            return;
        }
        if (delivery.Attempts > _options.Retries.Length)
        {
            delivery.Status = "failed";
            delivery.CompletedAt = now;
        }
        else
        {
            delivery.NextAttemptAt = now + _options.Retries[delivery.Attempts - 1];
        }
        endpoint.FailingSince ??= now;
        if (endpoint.Enabled && now - endpoint.FailingSince >= _options.DisableAfter)
        {
            endpoint.Enabled = false;
            endpoint.DisabledReason = $"Every delivery failed for {_options.DisableAfter.TotalHours:0.##} hours; last error: {outcome.Error}";
            endpoint.UpdatedAt = now;
            Outbox.Emit(db, brandId, WebhookEventTypes.EndpointDisabled,
                new { id = endpoint.Id, url = endpoint.Url, disabled_reason = endpoint.DisabledReason, failing_since = endpoint.FailingSince }, clock);
            log.LogWarning("Disabled webhook endpoint {EndpointId} of brand {BrandId} after failing since {FailingSince}", endpoint.Id, brandId, endpoint.FailingSince);
        }
    }

    /// <summary>The request body: the event envelope with its stored <c>data</c> as is.</summary>
    public static string Payload(EventRecord evt, Plane plane)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Http.Json.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("id", evt.Id);
            json.WriteString("type", evt.Type);
            json.WriteString("created_at", evt.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("brand_id", evt.BrandId);
            json.WriteBoolean("livemode", plane == Plane.Live);
            json.WritePropertyName("data");
            json.WriteRawValue(evt.Data);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
