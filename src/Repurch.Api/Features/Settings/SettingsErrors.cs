using Repurch.Api.Errors;

namespace Repurch.Api.Features.Settings;

public static class SettingsErrors
{
    public static readonly ErrorCode WarehouseNotFound = new(404, "warehouse_not_found",
        "Warehouse not found: the id is unknown, is not a UUID, or belongs to another brand.", "Warehouse not found.");
}
