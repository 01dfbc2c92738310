namespace Repurch.Api.Authentication;

public enum CredentialKind { ApiKey, AccessToken }
