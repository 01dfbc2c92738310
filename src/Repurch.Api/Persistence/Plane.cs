namespace Repurch.Api.Persistence;

/// <summary>
/// A data plane is a database. Live and sandbox keys resolve to different planes, so a
/// sandbox key can never reach live data.
/// </summary>
public enum Plane { Live, Sandbox }
