using System.Diagnostics;
using System.Text;

namespace Leerlingzorg.Web.Infrastructure.Documenten;

/// <summary>
/// A document as PDF (DESIGN.md: print-to-PDF of a print stylesheet page): a self-contained HTML document printed by
/// headless Chromium on the server, without a browser session. Chromium's path is <c>Pdf:Chromium</c> (default
/// /usr/bin/chromium); <c>Pdf:TimeoutSeconden</c> bounds one print.
/// </summary>
public sealed class ChromiumPdf(IConfiguration configuratie, ILogger<ChromiumPdf> logger)
{
    /// <summary>The PDF of <paramref name="html"/>, or null when Chromium is missing, fails or takes too long.</summary>
    public async Task<byte[]?> PdfAsync(string html, CancellationToken cancellationToken)
    {
        var chromium = configuratie["Pdf:Chromium"] ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            logger.LogWarning("Chromium for PDF not found at {Pad}", chromium);
            return null;
        }
        var map = Directory.CreateTempSubdirectory("lz-pdf-");
        try
        {
            var invoer = Path.Combine(map.FullName, "document.html");
            var uitvoer = Path.Combine(map.FullName, "document.pdf");
            await File.WriteAllTextAsync(invoer, html, Encoding.UTF8, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--no-first-run", "--disable-extensions", $"--user-data-dir={Path.Combine(map.FullName, "profiel")}",
                         $"--print-to-pdf={uitvoer}", new Uri(invoer).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }
            using var proces = Process.Start(start);
            if (proces is null)
            {
                return null;
            }
            // Read both streams so that a chatty Chromium never blocks on a full pipe.
            var stdout = proces.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = proces.StandardError.ReadToEndAsync(cancellationToken);
            using var tijdslimiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tijdslimiet.CancelAfter(TimeSpan.FromSeconds(configuratie.GetValue("Pdf:TimeoutSeconden", 90)));
            try
            {
                await proces.WaitForExitAsync(tijdslimiet.Token);
            }
            catch (OperationCanceledException)
            {
                proces.Kill(entireProcessTree: true);
                logger.LogWarning("Chromium did not print the document in time");
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            }
            await Task.WhenAll(stdout, stderr);
            if (proces.ExitCode != 0 || !File.Exists(uitvoer))
            {
                logger.LogWarning("Chromium could not print the document (exit code {Code})", proces.ExitCode);
                return null;
            }
            return await File.ReadAllBytesAsync(uitvoer, cancellationToken);
        }
        finally
        {
            try
            {
                map.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A Chromium child may still hold a file for a moment; the temp directory is cleaned by the system.
            }
        }
    }
}
