using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// A local AWS API: moto's <c>moto_server</c> (https://docs.getmoto.org/en/latest/docs/server_mode.html) on 127.0.0.1
/// and a free port, started for one test class and stopped after it. It keeps everything in memory and accepts any
/// credentials, so the CDK CLI can bootstrap and deploy against it without an account.
/// A missing moto_server fails the test with how to install it, never skips it.
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly HttpClient _http = new();

    public MotoServer()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("moto_server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"moto_server could not start ({e.Message}): install it with `pip install 'moto[server]'` (scripts/setup.sh checks for it).", e);
        }

        // Drained so that its request log cannot fill the pipe and stall the server.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // "localhost", not 127.0.0.1: moto's CloudFormation reads a TemplateURL path-style (bucket in the path) only
        // when the URL names localhost, and the CLI builds that URL from this endpoint.
        Endpoint = $"http://localhost:{port}";
        WaitUntilAnswering();
    }

    public string Endpoint { get; }

    /// <summary>What the AWS SDK in the CDK CLI needs to talk to this server instead of AWS.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "",
        ["AWS_REGION"] = Region,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_PROFILE"] = "",
        // Never the developer's own config or credentials.
        ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
    };

    /// <summary>A query-protocol call (CloudFormation), answered in XML.</summary>
    public XElement Query(string service, string action, params (string Name, string Value)[] parameters)
    {
        var form = new Dictionary<string, string> { ["Action"] = action, ["Version"] = "2010-05-15" };
        foreach (var (name, value) in parameters)
        {
            form[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint + "/") { Content = new FormUrlEncodedContent(form) };
        return XElement.Parse(Send(service, request));
    }

    /// <summary>A REST-JSON call (Lambda, API Gateway).</summary>
    public JsonElement GetJson(string service, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint + path);
        return JsonDocument.Parse(Send(service, request)).RootElement.Clone();
    }

    // moto picks the service from the credential scope of the Authorization header; it does not check the signature.
    private string Send(string service, HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/20260101/{Region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = _http.Send(request);
        var body = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
        Assert.True(response.IsSuccessStatusCode, $"{service} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    private void WaitUntilAnswering()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with {_process.ExitCode} before it answered.");
            }

            try
            {
                using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, Endpoint + "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(250);
        }

        Dispose();
        throw new InvalidOperationException($"moto_server did not answer on {Endpoint} within {StartTimeout}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _http.Dispose();
    }
}
