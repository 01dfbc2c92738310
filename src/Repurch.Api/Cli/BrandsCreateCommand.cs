using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Repurch.Api.Persistence;

namespace Repurch.Api.Cli;

/// <summary><c>./run brands create</c>: a brand on both planes; prints its id alone on stdout.</summary>
internal sealed class BrandsCreateCommand : Command
{
    private readonly Option<string> _id = new("--id")
    {
        Description = "The brand id: 2-64 characters of a-z, 0-9 and '-'.",
        HelpName = "brand_id",
        Required = true,
    };

    private readonly Option<string> _name = new("--name") { Description = "Display name (default: the id).", HelpName = "name" };

    private readonly Option<bool> _marketplace = new("--marketplace") { Description = "The brand runs a marketplace." };

    public BrandsCreateCommand(IConfiguration config) : base("create", "Add a brand on the live and sandbox planes; prints its id.")
    {
        _id.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } id && !BrandIds.IsValid(id)) r.AddError("--id must be 2-64 characters of a-z, 0-9 and '-'");
        });
        Add(_id);
        Add(_name);
        Add(_marketplace);
        SetAction(p => RunAsync(config, p.GetRequiredValue(_id), p.GetValue(_name), p.GetValue(_marketplace)));
    }

    private static async Task RunAsync(IConfiguration config, string id, string? name, bool marketplace)
    {
        await using var planes = new DataPlanes(config);
        foreach (var plane in Enum.GetValues<Plane>())
        {
            await using var db = planes.Open(plane, id);
            if (!await db.Brands.AnyAsync())
            {
                db.Brands.Add(new Brand { Id = id, Name = name ?? id, IsMarketplace = marketplace, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
        Console.WriteLine(id);
    }
}
