using Repurch.Api.Errors;

namespace Repurch.Api.Features.Settings;

public static class SettingsErrors
{
    public static readonly ErrorCode WarehouseNotFound = new(404, "warehouse_not_found",
        "Warehouse not found: the id is unknown, is not a UUID, or belongs to another brand.", "Warehouse not found.");
    public static readonly ErrorCode DomainNotFound = new(404, "domain_not_found",
        "The brand has no such domain (it is unknown, or another brand's).", "Domain not found.");
    public static readonly ErrorCode DomainExists = new(409, "domain_exists", "The brand already has this domain; verify or delete it.");
    public static readonly ErrorCode TooManyDomains = new(400, "too_many_domains",
        $"A brand has at most {DomainSettingsEndpoints.MaxDomains} domains; delete one first.");
    public static readonly ErrorCode DomainTaken = new(409, "domain_taken", "Another brand has already verified this host.");
    public static readonly ErrorCode DomainUnverified = new(422, "domain_unverified",
        "The host's TXT record with the verification value was not found; DNS changes can take a while to be seen, so try again later.");
}
