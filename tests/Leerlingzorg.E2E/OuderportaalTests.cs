using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 11, the parent portal: the demo mother on a phone switches to English, reads the OPP waiting for her approval
/// and approves it, then answers a consent request. The plan is seeded with SQL in the test (the staff's plan screens
/// are built in parallel); the rows are what the Domain's Plan.Start and PlanVersie.LegVoor write.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OuderportaalTests(AppHost host)
{
    private const string Seed = """
        DO $$
        DECLARE k uuid; s uuid; m uuid; p uuid := gen_random_uuid(); v uuid := gen_random_uuid();
        BEGIN
          SELECT lo.leerling_id, l.school_id INTO k, s FROM gebruikers g JOIN ouders o ON o.gebruiker_id = g.id
            JOIN leerling_ouders lo ON lo.ouder_id = o.id JOIN leerlingen l ON l.id = lo.leerling_id
            WHERE g.normalized_email = 'OUDER@RIJNLAND.EXAMPLE' ORDER BY l.geboortedatum LIMIT 1;
          SELECT id INTO m FROM gebruikers WHERE normalized_email = 'MENTOR@RIJNLAND.EXAMPLE';
          IF EXISTS (SELECT 1 FROM plannen WHERE leerling_id = k) THEN RETURN; END IF;
          INSERT INTO plannen (id, school_id, leerling_id, soort, nodig_sinds, aangemaakt_op, aangemaakt_door, versie)
            VALUES (p, s, k, 'Opp', current_date - 7, now(), m, 1);
          INSERT INTO plan_versies (id, school_id, plan_id, leerling_id, nummer, status, inhoud, evaluatie_gepland, revisie,
              aangemaakt_op, aangemaakt_door, bijgewerkt_op, bijgewerkt_door, voorgelegd_op, voorgelegd_door, versie)
            VALUES (v, s, p, k, 1, 'TerInstemming', jsonb_build_object(
              'BeginsituatieLeerling', 'Leest en rekent op het niveau van het eerste leerjaar, maar raakt snel overprikkeld in drukke lessen.',
              'Onderwijsbehoeften', 'Korte instructie, een vaste plek bij de deur en een time-outkaart.',
              'Uitstroombestemming', 'havo', 'Uitstroomniveau', 'havo 5',
              'UitstroomOnderbouwing', 'De toetsresultaten en het advies van de basisschool passen bij havo.',
              'Doelen', jsonb_build_array(jsonb_build_object('Doel', 'Werkt een lesuur zelfstandig door', 'Aanpak', 'Weektaak met de mentor, elke vrijdag nabespreken')),
              'Handelingsdeel', jsonb_build_array(
                jsonb_build_object('Ondersteuning', 'Begeleiding bij plannen', 'Wie', 'Intern begeleider', 'HoeVaak', '1 keer per week', 'InzetId', null),
                jsonb_build_object('Ondersteuning', 'Time-outplek in het leerlingencentrum', 'Wie', 'Mentor en docenten', 'HoeVaak', 'wanneer nodig', 'InzetId', null)),
              'OpgesteldDoor', 'mentor en zorgcoördinator, met de ouders',
              'Evaluatiedatum', to_char(current_date + 90, 'YYYY-MM-DD')), current_date + 90, 1, now(), m, now(), m, now(), m, 2);
          INSERT INTO instemmingen (id, school_id, versie_id, leerling_id, ouder_id, revisie, status, gevraagd_op, versie)
            SELECT gen_random_uuid(), s, v, k, lo.ouder_id, 1, 'Open', now(), 1 FROM leerling_ouders lo WHERE lo.leerling_id = k AND lo.gezag;
          INSERT INTO toestemmingsverzoeken (id, school_id, leerling_id, ouder_id, doel, toelichting, gevraagd_op, gevraagd_door, status, versie)
            SELECT gen_random_uuid(), s, k, lo.ouder_id, 'ObservatieOrthopedagoog',
              'De orthopedagoog wil een les meekijken om te zien wat uw kind helpt bij het concentreren.', now(), m, 'Open', 1
            FROM leerling_ouders lo JOIN ouders o ON o.id = lo.ouder_id JOIN gebruikers g ON g.id = o.gebruiker_id
            WHERE lo.leerling_id = k AND g.normalized_email = 'OUDER@RIJNLAND.EXAMPLE';
        END $$;
        """;

    [Fact]
    public async Task The_parent_on_a_phone_switches_to_English_reads_the_plan_approves_it_and_gives_consent()
    {
        await SqlAsync(Seed);
        var page = await host.LoginAsync("ouder@rijnland.example");
        await Wachten.OpBreedteAsync(page, 375, 800);
        await page.GotoAsync("/mijn-kinderen");
        await Expect(page.GetByTestId("wacht-plan")).ToBeVisibleAsync();
        await page.GetByTestId("taal-en").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My children", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("wacht-plan")).ToContainTextAsync("waiting for your approval");
        await page.GetByTestId("naar-plan").First.ClickAsync();

        await Expect(page.GetByTestId("beslissen")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("handelingsregel")).ToHaveCountAsync(2);
        await Expect(page.GetByText("Support part (handelingsdeel)")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Het plan steekt op 375 px uit.");

        // A no without a reason: the message in English next to the field.
        await page.GetByTestId("niet-instemmen").ClickAsync();
        await Expect(page.GetByText("Please write why you do not approve")).ToBeVisibleAsync();
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ouderportaal-plan-en.png"), FullPage = true });

        await page.GetByTestId("instemmen").ClickAsync();
        await Expect(page.GetByTestId("plan-melding")).ToContainTextAsync("You approved");
        await Expect(page.GetByTestId("beslissen")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("besluit").Filter(new() { HasText = "you" })).ToContainTextAsync("approved");

        // The consent request, still in English after a new page load (the choice is remembered).
        await page.GotoAsync("/mijn-kinderen");
        await page.GetByTestId("naar-toestemming").First.ClickAsync();
        var verzoek = page.GetByTestId("verzoek");
        await Expect(verzoek).ToContainTextAsync("Observation by the educational psychologist");
        await verzoek.GetByTestId("geven").ClickAsync();
        await Expect(page.GetByTestId("toestemming-melding")).ToContainTextAsync("Your consent has been recorded");
        await Expect(page.GetByTestId("gegeven").First.GetByTestId("intrekken")).ToBeVisibleAsync();
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ouderportaal-toestemming.png"), FullPage = true });
    }

    /// <summary>Runs SQL as the superuser of the app's own cluster (the AppHost's, found by this process's id).</summary>
    private static async Task SqlAsync(string sql)
    {
        var cluster = Path.Combine(Path.GetTempPath(), "leerlingzorg-pg", "e2e-" + Environment.ProcessId);
        var pid = Directory.GetFiles(cluster, "postmaster.pid", SearchOption.AllDirectories).Single();
        var poort = File.ReadAllLines(pid)[3].Trim();
        var wachtwoord = File.ReadAllLines(cluster + ".secrets")[0];
        var info = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", poort, "-U", "postgres", "-d", "leerlingzorg", "-v", "ON_ERROR_STOP=1", "-c", sql })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["PGPASSWORD"] = wachtwoord;
        using var psql = Process.Start(info)!;
        var fout = await psql.StandardError.ReadToEndAsync();
        await psql.WaitForExitAsync();
        Assert.True(psql.ExitCode == 0, fout);
    }
}
