namespace Repurch.Api.Features.Conversations;

public static class ConversationsSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<MessagePosting>();
        return services;
    }
}
