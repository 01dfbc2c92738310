namespace Repurch.Api.Features.Settings;

/// <summary>The DNS record that proves the brand controls the host: put it in the host's zone, then verify.</summary>
public sealed record DomainVerificationRecord(string Type, string Name, string Value);

public sealed record DomainView(string Host, string Storefront, string Status, DomainVerificationRecord Verification, string? VerifiedAt, string CreatedAt);

public sealed record DomainList(IReadOnlyList<DomainView> Data);

public sealed record DeletedDomain(bool Deleted, string Host);
