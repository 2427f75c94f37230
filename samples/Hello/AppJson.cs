using System.Text.Json.Serialization;
using Hello.Api.Lib;

namespace Hello;

/// <summary>
/// The app's source-generated JSON context: every user type a route sends or reads is listed here, so
/// <c>res.Json(user)</c> and <c>req.Body.As&lt;NewUser&gt;()</c> work under Native AOT without reflection.
/// lambda-routes finds this class and passes <c>AppJson.Default</c> to every route's entry point.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(NewUser))]
[JsonSerializable(typeof(UserList))]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(DocPage))]
[JsonSerializable(typeof(DocIndex))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ApiInfo))]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(NewNote))]
[JsonSerializable(typeof(NoteList))]
[JsonSerializable(typeof(UploadSummary))]
public sealed partial class AppJson : JsonSerializerContext;
