using System.Reflection;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>The API client serializes with generated contracts only, so every body it reads or sends must have one.</summary>
public sealed class ApiJsonContextTests
{
    private static readonly MethodInfo[] Calls = typeof(ApiClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

    public static TheoryData<Type> Answers => [.. Calls
        .Select(m => m.ReturnType)
        .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>))
        .Select(t => t.GetGenericArguments()[0])
        .Where(t => t != typeof(string))
        .Distinct()];

    public static TheoryData<Type> Bodies => [.. Calls
        .SelectMany(m => m.GetParameters())
        .Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
        .Where(t => t.Assembly == typeof(BotSpec).Assembly)
        .Concat([typeof(Credentials), typeof(StartRunRequest), typeof(NotificationsRead)])
        .Distinct()];

    [Theory]
    [MemberData(nameof(Answers))]
    public void EveryAnswerTheClientReadsHasAGeneratedContract(Type answer) =>
        Assert.NotNull(ApiClient.Json.TypeInfoResolver!.GetTypeInfo(answer, ApiClient.Json));

    [Theory]
    [MemberData(nameof(Bodies))]
    public void EveryBodyTheClientSendsHasAGeneratedContract(Type body) =>
        Assert.NotNull(ApiClient.Json.TypeInfoResolver!.GetTypeInfo(body, ApiClient.Json));
}
