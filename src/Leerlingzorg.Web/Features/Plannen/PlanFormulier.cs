using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>The editor's state of one concept: mutable fields and rows, to and from <see cref="PlanInhoud"/>.</summary>
public sealed class PlanFormulier
{
    public string? BeginsituatieLeerling { get; set; }
    public string? BeginsituatieDocent { get; set; }
    public string? Onderwijsbehoeften { get; set; }
    public string? BelemmerendeFactoren { get; set; }
    public string? BevorderendeFactoren { get; set; }
    public string? Uitstroombestemming { get; set; }
    public string? Uitstroomniveau { get; set; }
    public string? UitstroomOnderbouwing { get; set; }
    public List<DoelRij> Doelen { get; } = [];
    public List<RegelRij> Handelingsdeel { get; } = [];
    public string? Afwijkingen { get; set; }
    public string? VisieLeerling { get; set; }
    public string? OpgesteldDoor { get; set; }
    public DateTime? Evaluatiedatum { get; set; }
    /// <summary>Null: no jeugdhulp part (not an integrated plan).</summary>
    public JeugdhulpVelden? Jeugdhulp { get; set; }

    public sealed class JeugdhulpVelden
    {
        public Guid? PartnerId { get; set; }
        public string? Organisatie { get; set; }
        public string? Contactpersoon { get; set; }
        public string? Hulp { get; set; }
        public string? Afstemming { get; set; }
        public string? Regie { get; set; }
    }

    public sealed class DoelRij
    {
        public string? Doel { get; set; }
        public string? Aanpak { get; set; }
    }

    public sealed class RegelRij
    {
        public string? Ondersteuning { get; set; }
        public string? Wie { get; set; }
        public string? HoeVaak { get; set; }
        public Guid? InzetId { get; set; }
    }

    public static PlanFormulier Van(PlanInhoud inhoud)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        var formulier = new PlanFormulier
        {
            BeginsituatieLeerling = inhoud.BeginsituatieLeerling,
            BeginsituatieDocent = inhoud.BeginsituatieDocent,
            Onderwijsbehoeften = inhoud.Onderwijsbehoeften,
            BelemmerendeFactoren = inhoud.BelemmerendeFactoren,
            BevorderendeFactoren = inhoud.BevorderendeFactoren,
            Uitstroombestemming = inhoud.Uitstroombestemming,
            Uitstroomniveau = inhoud.Uitstroomniveau,
            UitstroomOnderbouwing = inhoud.UitstroomOnderbouwing,
            Afwijkingen = inhoud.Afwijkingen,
            VisieLeerling = inhoud.VisieLeerling,
            OpgesteldDoor = inhoud.OpgesteldDoor,
            Evaluatiedatum = inhoud.Evaluatiedatum?.ToDateTime(TimeOnly.MinValue),
            Jeugdhulp = inhoud.Jeugdhulp is not { } j ? null : new JeugdhulpVelden
            {
                PartnerId = j.PartnerId, Organisatie = j.Organisatie, Contactpersoon = j.Contactpersoon, Hulp = j.Hulp,
                Afstemming = j.Afstemming, Regie = j.Regie,
            },
        };
        formulier.Doelen.AddRange(inhoud.Doelen.Select(d => new DoelRij { Doel = d.Doel, Aanpak = d.Aanpak }));
        formulier.Handelingsdeel.AddRange(inhoud.Handelingsdeel.Select(r => new RegelRij
        {
            Ondersteuning = r.Ondersteuning, Wie = r.Wie, HoeVaak = r.HoeVaak, InzetId = r.InzetId,
        }));
        return formulier;
    }

    public PlanInhoud Inhoud() => new()
    {
        BeginsituatieLeerling = BeginsituatieLeerling,
        BeginsituatieDocent = BeginsituatieDocent,
        Onderwijsbehoeften = Onderwijsbehoeften,
        BelemmerendeFactoren = BelemmerendeFactoren,
        BevorderendeFactoren = BevorderendeFactoren,
        Uitstroombestemming = Uitstroombestemming,
        Uitstroomniveau = Uitstroomniveau,
        UitstroomOnderbouwing = UitstroomOnderbouwing,
        Doelen = [.. Doelen.Select(d => new Onderwijsdoel(d.Doel ?? "", d.Aanpak))],
        Handelingsdeel = [.. Handelingsdeel.Select(r => new Ondersteuningsregel(r.Ondersteuning ?? "", r.Wie, r.HoeVaak, r.InzetId))],
        Afwijkingen = Afwijkingen,
        VisieLeerling = VisieLeerling,
        OpgesteldDoor = OpgesteldDoor,
        Evaluatiedatum = Evaluatiedatum is { } d ? DateOnly.FromDateTime(d) : null,
        Jeugdhulp = Jeugdhulp is not { } j ? null : new Jeugdhulpdeel
        {
            PartnerId = j.PartnerId, Organisatie = j.Organisatie, Contactpersoon = j.Contactpersoon, Hulp = j.Hulp,
            Afstemming = j.Afstemming, Regie = j.Regie,
        },
    };
}
