using System.Net;
using Repurch.Api.Tests.Infrastructure;

namespace Repurch.Api.Tests.Observability;

public sealed class RequestIdHeaderTests : ApiTest
{
    [Fact]
    public async Task Every_answer_names_its_request_in_X_Request_Id_errors_included_and_each_request_its_own()
    {
        var brand = await NewBrandAsync();
        var ok = await Api.ClientWith(brand.AdminKey).GetAsync("/v1/listings");
        var unauthorized = await Api.ClientWith("re_pk_live_nope").GetAsync("/v1/listings");
        var invalid = await Api.ClientWith(brand.AdminKey).PostJsonAsync("/v1/listings", "{not json");
        var missing = await Api.ClientWith(brand.AdminKey).GetAsync("/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var ids = new[] { ok, unauthorized, invalid, missing }.Select(r => Assert.Single(r.Headers.GetValues("X-Request-Id"))).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
