using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leerlingzorg.Web.Infrastructure.Mail;

/// <summary>
/// Delivers the mail queue: every <c>Mail:Bezorger:IntervalSeconden</c> (5; 0 switches the loop off, as the tests do,
/// which deliver with <see cref="BezorgAsync"/>) it asks which schools have mail due (SQL function
/// <c>lz_mail_scholen</c>, which sets each school in turn, so row-level security stays on), and per school, on a context
/// bound to it, takes the due rows with <c>FOR UPDATE SKIP LOCKED</c> (two instances never take the same row), sends
/// them and records the outcome in the same transaction. Delivery is at least once: a crash between sending and the
/// commit sends that mail again. Logs carry the mail's id, never an address or content.
/// </summary>
public sealed partial class Mailbezorger(
    PooledDbContextFactory<LeerlingzorgDbContext> pool, IMailVerzender verzender, TimeProvider time, IConfiguration configuration,
    ILogger<Mailbezorger> logger) : BackgroundService
{
    private const int Partij = 20;

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Mail:Bezorger:IntervalSeconden", 5.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            using var timer = new PeriodicTimer(Interval);
            do
            {
                try
                {
                    await BezorgAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be away for a moment: the next round tries again.
                    LogRondeMislukt(e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not sent stays Wachtend in its row.
        }
    }

    /// <summary>One round over every school with mail due (and the mails without school). Returns how many were sent.</summary>
    public async Task<int> BezorgAsync(CancellationToken cancellationToken = default)
    {
        var nu = time.GetUtcNow();
        List<Guid> scholen;
        await using (var db = await pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSchool(null);
            scholen = await db.Database.SqlQuery<Guid>($"SELECT s AS \"Value\" FROM lz_mail_scholen({nu}) AS s").ToListAsync(cancellationToken);
        }
        var verzonden = 0;
        foreach (var school in scholen.Select(s => (Guid?)s).Append(null))
        {
            verzonden += await BezorgSchoolAsync(school, cancellationToken);
        }
        return verzonden;
    }

    private async Task<int> BezorgSchoolAsync(Guid? school, CancellationToken cancellationToken)
    {
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        db.BindToSchool(school);
        await using var transactie = await db.Database.BeginTransactionAsync(cancellationToken);
        var nu = time.GetUtcNow();
        var mails = await db.Mailberichten.FromSql($"""
                SELECT * FROM mailberichten
                WHERE status = 'Wachtend' AND volgende_poging <= {nu}
                ORDER BY volgende_poging
                LIMIT {Partij}
                FOR UPDATE SKIP LOCKED
                """)
            .IgnoreQueryFilters().AsTracking().ToListAsync(cancellationToken);
        if (mails.Count == 0)
        {
            return 0;
        }
        var verzonden = 0;
        foreach (var mail in mails)
        {
            try
            {
                await verzender.VerzendAsync(mail, cancellationToken);
                mail.Verzonden(time.GetUtcNow());
                verzonden++;
                LogVerzonden(mail.Id, mail.Pogingen);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                mail.Mislukt(SmtpVerzender.Fout(e), time.GetUtcNow());
                LogMislukt(mail.Id, mail.Pogingen, mail.LaatsteFout!, mail.Status);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transactie.CommitAsync(cancellationToken);
        return verzonden;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} verzonden (poging {Poging})")]
    private partial void LogVerzonden(Guid mailId, int poging);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId}: poging {Poging} mislukt: {Fout}; nu {Status}")]
    private partial void LogMislukt(Guid mailId, int poging, string fout, MailStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbezorging: ronde mislukt ({Fout}); de volgende ronde probeert opnieuw")]
    private partial void LogRondeMislukt(string fout);
}

public static class MailRegistratie
{
    /// <summary>
    /// The queue's sender (the outbox in Development or without <c>Mail:Smtp:Host</c>, else SMTP), the parent mails and
    /// the delivery service.
    /// </summary>
    public static IServiceCollection AddMailwachtrij(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
        {
            services.AddSingleton<IMailVerzender, OutboxVerzender>();
        }
        else
        {
            services.AddSingleton<IMailVerzender, SmtpVerzender>();
        }
        services.AddSingleton<Mailbezorger>();
        services.AddHostedService(sp => sp.GetRequiredService<Mailbezorger>());
        services.AddScoped<Ouderberichten>();
        return services;
    }
}
