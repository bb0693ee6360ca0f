using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>
/// What the four Verwijsindex dialogs share: the form, the handler's Dutch message under it, and one save that validates
/// first, keeps what was typed when it fails and closes with the handler's value when it works.
/// </summary>
public abstract class VerwijsindexDialoog : ComponentBase
{
    [CascadingParameter]
    protected IMudDialogInstance Dialoog { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    protected MudForm? Form { get; set; }
    protected Fout? Fout { get; private set; }
    protected bool Bezig { get; private set; }

    protected DateTime Vandaag => Domain.Schoolkalender.Vandaag(Time).ToDateTime(TimeOnly.MinValue);

    protected async Task OpslaanAsync<T>(Func<Task<Result<T>>> actie)
    {
        ArgumentNullException.ThrowIfNull(actie);
        if (Form is null)
        {
            return;
        }
        await Form.ValidateAsync();
        if (!Form.IsValid)
        {
            return;
        }
        Bezig = true;
        Fout = null;
        try
        {
            var result = await actie();
            if (result.IsGelukt)
            {
                Dialoog.Close(DialogResult.Ok(result.Waarde));
            }
            else
            {
                Fout = result.Fout;
            }
        }
        finally
        {
            Bezig = false;
        }
    }
}
