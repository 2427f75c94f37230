using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api.Users;

/// <summary>
/// <c>/api/users</c>: GET lists users, POST validates a new user read through the app's JSON context and answers 201.
/// Other methods get 405 with an Allow header, as a Next handler would write it.
/// </summary>
[RouteConfig(BodySizeLimit = "16kb")]
public sealed class UsersIndex : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        switch (req.Method)
        {
            case "GET":
                res.Status(200).Json(new UserList(UserDirectory.All, UserDirectory.All.Count));
                break;
            case "POST":
                var input = JsonBody.Read<NewUser>(req, out var unreadable);
                if ((unreadable ?? UserDirectory.Validate(input)) is { } problem)
                {
                    res.Status(400).Json(new ApiError(problem));
                    break;
                }

                var created = new User((UserDirectory.All.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), input!.Name!, input.Email!);
                res.Status(201).SetHeader("location", $"/api/users/{created.Id}").Json(created);
                break;
            default:
                res.Status(405).SetHeader("allow", "GET, POST").Json(new ApiError($"Method {req.Method} Not Allowed"));
                break;
        }

        return Task.CompletedTask;
    }
}
