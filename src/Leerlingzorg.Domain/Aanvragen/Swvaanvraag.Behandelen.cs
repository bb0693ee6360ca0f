namespace Leerlingzorg.Domain.Aanvragen;

/// <summary>The TLV categories (bekostigingscategorie): laag, midden, hoog.</summary>
public static class Tlvcategorie
{
    public static readonly IReadOnlyList<string> Alle = ["laag", "midden", "hoog"];
}

/// <summary>What the SWV manager decides on an arrangement or TLV application.</summary>
/// <param name="Bedrag">Arrangement: the amount granted (Toegekend: the amount asked when null).</param>
/// <param name="Van">Arrangement or TLV: start of the period granted.</param>
/// <param name="Tot">Arrangement or TLV: end of the period (the TLV's duration).</param>
/// <param name="EvaluatieOp">Arrangement: when it is evaluated.</param>
/// <param name="Categorie">TLV: laag, midden or hoog.</param>
/// <param name="Toelichting">The reason; required when partly granted or refused.</param>
public sealed record Besluit(
    Besluituitkomst Uitkomst, decimal? Bedrag, DateOnly? Van, DateOnly? Tot, DateOnly? EvaluatieOp, string? Categorie, string? Toelichting);

/// <summary>
/// The SWV's handling of an application (issue 12): taking it up, the assessments, the manager's decision, the CTO
/// meeting and its advice. Every method checks its rule and returns the Dutch reason when refused (null when done).
/// </summary>
public sealed partial class Swvaanvraag
{
    /// <summary>Arrangement: when the SWV evaluates it.</summary>
    public DateOnly? EvaluatieOp { get; set; }

    public bool IsArrangement => Soort is Aanvraagsoort.Individueel or Aanvraagsoort.Groep;

    public bool IsOpen => Status is Aanvraagstatus.Ingediend or Aanvraagstatus.InBehandeling;

    public static string Weergave(Aanvraagsoort soort) => soort switch
    {
        Aanvraagsoort.CtoAdvies => "CTO-advies",
        Aanvraagsoort.Individueel => "Individueel arrangement",
        Aanvraagsoort.Groep => "Groepsarrangement",
        Aanvraagsoort.Tlv => "Toelaatbaarheidsverklaring",
        _ => soort.ToString(),
    };

    public static string Weergave(Aanvraagstatus status) => status switch
    {
        Aanvraagstatus.Ingediend => "Ingediend",
        Aanvraagstatus.InBehandeling => "In behandeling",
        Aanvraagstatus.Besloten => "Besloten",
        Aanvraagstatus.Ingetrokken => "Ingetrokken",
        _ => status.ToString(),
    };

    public static string Weergave(Besluituitkomst uitkomst) => uitkomst switch
    {
        Besluituitkomst.Toegekend => "Toegekend",
        Besluituitkomst.DeelsToegekend => "Deels toegekend",
        Besluituitkomst.Afgewezen => "Afgewezen",
        Besluituitkomst.Geadviseerd => "Geadviseerd",
        _ => uitkomst.ToString(),
    };

    public static string Weergave(Beoordelaarsrol rol) => rol switch
    {
        Beoordelaarsrol.Orthopedagoog => "Orthopedagoog",
        Beoordelaarsrol.Psycholoog => "Psycholoog",
        Beoordelaarsrol.Manager => "Manager",
        Beoordelaarsrol.Deskundige => "Deskundige",
        _ => rol.ToString(),
    };

    private string? NietOpen() => IsOpen ? null : "Deze aanvraag is al afgehandeld.";

    /// <summary>The SWV takes the application up.</summary>
    public string? NeemInBehandeling()
    {
        if (NietOpen() is { } fout)
        {
            return fout;
        }
        if (Status == Aanvraagstatus.InBehandeling)
        {
            return "Deze aanvraag is al in behandeling.";
        }
        Status = Aanvraagstatus.InBehandeling;
        Versie++;
        return null;
    }

    /// <summary>The roles that assess this kind: an arrangement an orthopedagoog or psycholoog and a manager; a TLV two deskundigen.</summary>
    public IReadOnlyList<Beoordelaarsrol> Beoordelaarsrollen => Soort switch
    {
        Aanvraagsoort.Individueel or Aanvraagsoort.Groep => [Beoordelaarsrol.Orthopedagoog, Beoordelaarsrol.Psycholoog, Beoordelaarsrol.Manager],
        Aanvraagsoort.Tlv => [Beoordelaarsrol.Deskundige, Beoordelaarsrol.Orthopedagoog, Beoordelaarsrol.Psycholoog],
        _ => [],
    };

    /// <summary>Whether the assessments this kind needs are complete.</summary>
    public bool IsBeoordeeld(IReadOnlyCollection<Beoordeling> beoordelingen)
    {
        ArgumentNullException.ThrowIfNull(beoordelingen);
        return Soort switch
        {
            Aanvraagsoort.Individueel or Aanvraagsoort.Groep =>
                beoordelingen.Any(b => b.Rol is Beoordelaarsrol.Orthopedagoog or Beoordelaarsrol.Psycholoog)
                && beoordelingen.Any(b => b.Rol == Beoordelaarsrol.Manager),
            Aanvraagsoort.Tlv => beoordelingen.Select(b => b.DoorId).Distinct().Count() >= 2,
            _ => true,
        };
    }

    /// <summary>
    /// One assessment. An arrangement: one by an orthopedagoog or psycholoog and one by a manager; a TLV: two by
    /// deskundigen; always by different persons: nobody assesses twice or advises and assesses. Takes the application up.
    /// </summary>
    public (Beoordeling? Beoordeling, string? Fout) Beoordeel(IReadOnlyCollection<Beoordeling> bestaande, Beoordelaarsrol rol,
        Guid doorId, string doorNaam, bool positief, string? toelichting, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(bestaande);
        if (NietOpen() is { } open)
        {
            return (null, open);
        }
        if (Soort == Aanvraagsoort.CtoAdvies)
        {
            return (null, "Een CTO-aanvraag wordt niet beoordeeld: de CTO geeft een advies.");
        }
        if (!Beoordelaarsrollen.Contains(rol))
        {
            return (null, Soort == Aanvraagsoort.Tlv
                ? "Een TLV wordt beoordeeld door twee deskundigen (orthopedagoog, psycholoog of andere deskundige), niet door de manager."
                : "Een arrangement wordt beoordeeld door een orthopedagoog of psycholoog en door de manager.");
        }
        if (bestaande.Any(b => b.DoorId == doorId))
        {
            return (null, "U heeft deze aanvraag al beoordeeld. Dezelfde persoon mag niet twee keer beoordelen, of adviseren én beoordelen: een tweede beoordeling is van een ander.");
        }
        if (IsArrangement)
        {
            var deskundig = rol is Beoordelaarsrol.Orthopedagoog or Beoordelaarsrol.Psycholoog;
            if (deskundig && bestaande.Any(b => b.Rol is Beoordelaarsrol.Orthopedagoog or Beoordelaarsrol.Psycholoog))
            {
                return (null, "De orthopedagoog of psycholoog heeft deze aanvraag al beoordeeld; nu is de manager aan de beurt.");
            }
            if (!deskundig && bestaande.Any(b => b.Rol == Beoordelaarsrol.Manager))
            {
                return (null, "De manager heeft deze aanvraag al beoordeeld.");
            }
        }
        else if (bestaande.Count >= 2)
        {
            return (null, "Deze TLV heeft al twee deskundigen die adviseerden.");
        }
        var tekst = toelichting?.Trim() ?? "";
        if (tekst.Length == 0)
        {
            return (null, "Geef een toelichting bij uw beoordeling.");
        }
        if (tekst.Length > Beoordeling.MaxToelichting)
        {
            return (null, $"De toelichting is te lang (maximaal {Beoordeling.MaxToelichting} tekens).");
        }
        Status = Aanvraagstatus.InBehandeling;
        Versie++;
        return (new Beoordeling
        {
            SwvId = SwvId, AanvraagId = Id, Rol = rol, DoorId = doorId, DoorNaam = doorNaam, Positief = positief,
            Toelichting = tekst, Op = nu,
        }, null);
    }

    /// <summary>
    /// The manager's decision on an arrangement or TLV, once assessed. Granted (in full or partly) within the budget
    /// left (<paramref name="budget"/>, arrangements only); partly granted or refused with a reason. An arrangement
    /// has a period and an evaluation date, a TLV a category and a duration. A TLV's deskundigen do not decide.
    /// </summary>
    public string? Beslis(IReadOnlyCollection<Beoordeling> beoordelingen, Besluit besluit, Guid doorId, string doorNaam,
        Budgetstand? budget, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(beoordelingen);
        ArgumentNullException.ThrowIfNull(besluit);
        if (NietOpen() is { } open)
        {
            return open;
        }
        if (Soort == Aanvraagsoort.CtoAdvies || besluit.Uitkomst == Besluituitkomst.Geadviseerd)
        {
            return "Een CTO-aanvraag krijgt een advies, geen besluit.";
        }
        if (!IsBeoordeeld(beoordelingen))
        {
            return Soort == Aanvraagsoort.Tlv
                ? "Eerst adviseren twee deskundigen; daarna volgt het besluit."
                : "Eerst beoordelen een orthopedagoog of psycholoog en de manager; daarna volgt het besluit.";
        }
        if (Soort == Aanvraagsoort.Tlv && beoordelingen.Any(b => b.DoorId == doorId))
        {
            return "U adviseerde als deskundige over deze TLV; het besluit neemt een ander.";
        }
        var reden = besluit.Toelichting?.Trim() ?? "";
        if (reden.Length > MaxBesluittekst)
        {
            return $"De toelichting is te lang (maximaal {MaxBesluittekst} tekens).";
        }
        if (besluit.Uitkomst is Besluituitkomst.DeelsToegekend or Besluituitkomst.Afgewezen && reden.Length == 0)
        {
            return besluit.Uitkomst == Besluituitkomst.Afgewezen
                ? "Geef de reden van de afwijzing; de school leest die."
                : "Geef de reden waarom de aanvraag deels is toegekend; de school leest die.";
        }
        decimal? bedrag = null;
        if (besluit.Uitkomst != Besluituitkomst.Afgewezen)
        {
            if (besluit.Van is not { } van || besluit.Tot is not { } tot)
            {
                return Soort == Aanvraagsoort.Tlv ? "Geef de looptijd van de TLV (van en tot)." : "Geef de periode van het arrangement (van en tot).";
            }
            if (tot < van)
            {
                return "De einddatum ligt voor de begindatum.";
            }
            if (Soort == Aanvraagsoort.Tlv)
            {
                if (besluit.Categorie is null || !Tlvcategorie.Alle.Contains(besluit.Categorie))
                {
                    return "Kies de categorie van de TLV: laag, midden of hoog.";
                }
            }
            else
            {
                if (besluit.EvaluatieOp is not { } evaluatie || evaluatie < van || evaluatie > tot)
                {
                    return "Geef een evaluatiedatum binnen de periode van het arrangement.";
                }
                var gevraagd = Gevraagd?.Kosten ?? 0;
                bedrag = besluit.Uitkomst == Besluituitkomst.Toegekend ? besluit.Bedrag ?? gevraagd : besluit.Bedrag;
                if (bedrag is not { } b || b <= 0)
                {
                    return "Geef het toegekende bedrag.";
                }
                if (besluit.Uitkomst == Besluituitkomst.Toegekend && b != gevraagd)
                {
                    return $"Volledig toekennen is het gevraagde bedrag ({Budgetstand.Euro(gevraagd)}); kies 'deels toekennen' voor een ander bedrag.";
                }
                if (besluit.Uitkomst == Besluituitkomst.DeelsToegekend && b >= gevraagd)
                {
                    return $"Bij deels toekennen is het bedrag lager dan gevraagd ({Budgetstand.Euro(gevraagd)}).";
                }
                if (budget is null)
                {
                    return "Het budget van dit schooljaar is niet bekend.";
                }
                if (budget.Controleer(b) is { } budgetfout)
                {
                    return budgetfout;
                }
            }
            ToegekendVan = van;
            ToegekendTot = tot;
            EvaluatieOp = Soort == Aanvraagsoort.Tlv ? null : besluit.EvaluatieOp;
            TlvCategorie = Soort == Aanvraagsoort.Tlv ? besluit.Categorie : TlvCategorie;
        }
        Uitkomst = besluit.Uitkomst;
        ToegekendBedrag = bedrag;
        Besluittekst = reden.Length == 0 ? null : reden;
        BesluitOp = nu;
        BesluitDoorNaam = doorNaam;
        Status = Aanvraagstatus.Besloten;
        Versie++;
        return null;
    }

    /// <summary>The schooljaar whose budget a grant of this decision counts against: that of the period's start.</summary>
    public static Organisatie.Schooljaar BudgetjaarVan(Besluit besluit, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(besluit);
        return Organisatie.Schooljaar.Op(besluit.Van ?? vandaag);
    }

    /// <summary>The SWV plans the CTO meeting for a referral.</summary>
    public string? PlanCto(DateTimeOffset op, DateTimeOffset nu)
    {
        if (NietOpen() is { } open)
        {
            return open;
        }
        if (Soort != Aanvraagsoort.CtoAdvies)
        {
            return "Alleen een CTO-aanvraag wordt in een CTO-overleg gepland.";
        }
        if (op < nu)
        {
            return "Het CTO-overleg ligt in het verleden; kies een moment vanaf nu.";
        }
        GeplandOp = op;
        Status = Aanvraagstatus.InBehandeling;
        Versie++;
        return null;
    }

    /// <summary>The CTO's advice, once the meeting is planned; the school reads it.</summary>
    public string? LegAdviesVast(string? advies, string doorNaam, DateTimeOffset nu)
    {
        if (NietOpen() is { } open)
        {
            return open;
        }
        if (Soort != Aanvraagsoort.CtoAdvies)
        {
            return "Alleen een CTO-aanvraag krijgt een CTO-advies.";
        }
        if (GeplandOp is null)
        {
            return "Plan eerst het CTO-overleg.";
        }
        var tekst = advies?.Trim() ?? "";
        if (tekst.Length == 0)
        {
            return "Schrijf het advies van de CTO op; de school leest het.";
        }
        if (tekst.Length > MaxBesluittekst)
        {
            return $"Het advies is te lang (maximaal {MaxBesluittekst} tekens).";
        }
        Uitkomst = Besluituitkomst.Geadviseerd;
        Besluittekst = tekst;
        BesluitOp = nu;
        BesluitDoorNaam = doorNaam;
        Status = Aanvraagstatus.Besloten;
        Versie++;
        return null;
    }

    /// <summary>Spending against this granted arrangement, at most what is left of the amount granted.</summary>
    public (Besteding? Besteding, string? Fout) Besteed(decimal bedrag, DateOnly datum, string? omschrijving, decimal alBesteed,
        Guid doorId, DateTimeOffset nu)
    {
        if (!IsArrangement || Uitkomst is not (Besluituitkomst.Toegekend or Besluituitkomst.DeelsToegekend) || ToegekendBedrag is not { } toegekend)
        {
            return (null, "Alleen op een toegekend arrangement wordt besteed.");
        }
        if (bedrag <= 0)
        {
            return (null, "Geef een bedrag groter dan nul.");
        }
        if (alBesteed + bedrag > toegekend)
        {
            return (null, $"Dit is meer dan er over is van het toegekende bedrag: {Budgetstand.Euro(toegekend - alBesteed)}.");
        }
        var tekst = omschrijving?.Trim() ?? "";
        if (tekst.Length == 0)
        {
            return (null, "Geef een omschrijving van de besteding.");
        }
        if (tekst.Length > Besteding.MaxOmschrijving)
        {
            return (null, $"De omschrijving is te lang (maximaal {Besteding.MaxOmschrijving} tekens).");
        }
        return (new Besteding
        {
            SwvId = SwvId, AanvraagId = Id, OntvangendeSchoolId = SchoolId, Bedrag = bedrag, Datum = datum,
            Omschrijving = tekst, DoorId = doorId, Op = nu,
        }, null);
    }
}
