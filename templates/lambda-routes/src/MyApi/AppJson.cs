using System.Text.Json.Serialization;
using MyApi.Api.Lib;

namespace MyApi;

/// <summary>
/// The app's source-generated JSON context. Every type a route reads or writes as JSON is listed here, so
/// <c>NextResponse.Json(note)</c> and <c>req.Json&lt;NewNote&gt;()</c> work under Native AOT without reflection.
/// lambda-routes finds this class and hands <c>AppJson.Default</c> to every route.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(NewNote))]
[JsonSerializable(typeof(NoteList))]
[JsonSerializable(typeof(FileInfoResult))]
[JsonSerializable(typeof(ApiError))]
public sealed partial class AppJson : JsonSerializerContext;
