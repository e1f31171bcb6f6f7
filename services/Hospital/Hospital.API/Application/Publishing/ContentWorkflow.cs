using System.Text.Json;
using System.Text.RegularExpressions;
using Hospital.API.Domain.Publishing;
using Hospital.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Publishing;

/// <summary>Draft → submit → publish (by someone else) for every registered content type, with optimistic
/// concurrency on each revision and an audit entry for every step.</summary>
public sealed partial class ContentWorkflow(HospitalDbContext db, ContentTypeRegistry registry, IServiceProvider services, TimeProvider clock)
{
    public async Task<List<ContentItemSummary>> ListAsync(string slug, CancellationToken ct)
    {
        var type = registry.Get(slug);
        var items = await db.ContentItems.AsNoTracking().Where(i => i.ContentType == slug).OrderBy(i => i.Key).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var open = await db.ContentRevisions.AsNoTracking()
            .Where(r => ids.Contains(r.ItemId) && (r.Status == RevisionStatus.Draft || r.Status == RevisionStatus.InReview))
            .ToDictionaryAsync(r => r.ItemId, ct);
        var list = items.Select(i => new ContentItemSummary(i.Key, i.Title, i.PublishedRevision, i.PublishedAt, i.PublishedByName,
            open.TryGetValue(i.Id, out var r) ? RevisionSummary.From(r) : null)).ToList();
        foreach (var key in type.FixedKeys ?? [])
            if (list.All(i => i.Key != key)) list.Add(new ContentItemSummary(key, type.Label, null, null, "", null));
        return list;
    }

    public async Task<ContentItemView> GetAsync(string slug, string key, CancellationToken ct)
    {
        registry.Get(slug);
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentType == slug && i.Key == key, ct)
            ?? throw ProblemException.NotFound("内容");
        var open = await OpenRevisionAsync(item.Id, tracked: false, ct);
        return new ContentItemView(slug, key, item.Title,
            item.PublishedBody is null ? null : JsonDocument.Parse(item.PublishedBody).RootElement.Clone(),
            item.PublishedRevision, item.PublishedAt, item.PublishedByName, open is null ? null : RevisionView.From(open));
    }

    public async Task<RevisionView> CreateDraftAsync(string slug, string key, DraftInput input, StaffActor actor, CancellationToken ct)
    {
        var type = registry.Get(slug);
        CheckKey(type, key);
        var (body, _) = Prepare(type, input.Content);
        var now = clock.GetUtcNow();
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.ContentType == slug && i.Key == key, ct);
        if (item is null)
        {
            item = new ContentItem { ContentType = slug, Key = key, UpdatedAt = now };
            db.ContentItems.Add(item);
        }
        else if (await OpenRevisionAsync(item.Id, tracked: false, ct) is not null)
            throw OpenRevisionExists();
        var revision = item.OpenRevision(body, actor.Id, actor.Name, now);
        db.ContentRevisions.Add(revision);
        Audit(item, revision, AuditActions.Created, actor, ContentJson.Diff(item.PublishedBody, body, type.DocumentType));
        await SaveAsync(ct);
        return RevisionView.From(revision);
    }

    public async Task<RevisionView> EditDraftAsync(string slug, string key, int number, DraftInput input, StaffActor actor, CancellationToken ct)
    {
        var type = registry.Get(slug);
        var (item, revision) = await LoadAsync(slug, key, number, input.Version, ct);
        var (body, _) = Prepare(type, input.Content);
        var changes = ContentJson.Diff(revision.Body, body, type.DocumentType);
        revision.Edit(body, actor.Id, clock.GetUtcNow());
        Audit(item, revision, AuditActions.Edited, actor, changes);
        await SaveAsync(ct);
        return RevisionView.From(revision);
    }

    public Task<RevisionView> SubmitAsync(string slug, string key, int number, RevisionAction action, StaffActor actor, CancellationToken ct) =>
        StepAsync(slug, key, number, action, actor, AuditActions.Submitted, (_, r, now) => r.Submit(actor.Id, now), ct);

    public Task<RevisionView> WithdrawAsync(string slug, string key, int number, RevisionAction action, StaffActor actor, CancellationToken ct) =>
        StepAsync(slug, key, number, action, actor, AuditActions.Withdrawn, (_, r, now) => r.Withdraw(actor.Id, now), ct);

    public Task<RevisionView> DiscardAsync(string slug, string key, int number, RevisionAction action, StaffActor actor, CancellationToken ct) =>
        StepAsync(slug, key, number, action, actor, AuditActions.Discarded, (_, r, now) => r.Discard(actor.Id, now), ct);

    public Task<RevisionView> RejectAsync(string slug, string key, int number, RevisionAction action, StaffActor actor, CancellationToken ct)
    {
        var note = action.Note?.Trim() ?? "";
        new Validation().Required("note", note, "退回原因").Length("note", note, "退回原因", 1, 500).PlainText("note", note, "退回原因").ThrowIfAny();
        return StepAsync(slug, key, number, action, actor, AuditActions.Rejected, (_, r, now) => r.Reject(actor.Id, actor.Name, note, now), ct);
    }

    public async Task<RevisionView> PublishAsync(string slug, string key, int number, RevisionAction action, StaffActor actor, CancellationToken ct)
    {
        var type = registry.Get(slug);
        var (item, revision) = await LoadAsync(slug, key, number, action.Version, ct);
        var now = clock.GetUtcNow();
        revision.Publish(actor.Id, actor.Name, now);
        var changes = ContentJson.Diff(item.PublishedBody, revision.Body, type.DocumentType);
        var document = (IContentDocument)ContentJson.Deserialize(revision.Body, type.DocumentType);
        item.Publish(revision, document.ContentTitle, actor.Name, now);
        Audit(item, revision, AuditActions.Published, actor, changes);
        await InvokeHandlersAsync(type, key, document, ct);
        await SaveAsync(ct);
        return RevisionView.From(revision);
    }

    /// <summary>The revision as a patient would see it once published: rich text rendered and sanitised.</summary>
    public async Task<JsonElement> PreviewAsync(string slug, string key, int number, CancellationToken ct)
    {
        var type = registry.Get(slug);
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentType == slug && i.Key == key, ct)
            ?? throw ProblemException.NotFound("内容");
        var revision = await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ItemId == item.Id && r.Number == number, ct)
            ?? throw ProblemException.NotFound("版本");
        var document = ContentJson.Deserialize(revision.Body, type.DocumentType);
        ContentInspector.RenderRichText(document);
        return JsonSerializer.SerializeToElement(document, type.DocumentType, ContentJson.Options);
    }

    public async Task<List<AuditEntryView>> AuditAsync(string? slug, string? key, int take, CancellationToken ct)
    {
        var query = db.ContentAudit.AsNoTracking();
        if (slug is not null) query = query.Where(a => a.ContentType == slug);
        if (key is not null) query = query.Where(a => a.Key == key);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return entries.Select(AuditEntryView.From).ToList();
    }

    /// <summary>Seeds a document as published by the system, once: never over what staff have edited.</summary>
    public async Task<bool> SeedPublishedAsync(string slug, string key, IContentDocument document, CancellationToken ct)
    {
        if (await db.ContentItems.AnyAsync(i => i.ContentType == slug && i.Key == key, ct)) return false;
        var item = new ContentItem { ContentType = slug, Key = key, UpdatedAt = clock.GetUtcNow() };
        db.ContentItems.Add(item);
        await PublishSeedAsync(item, slug, key, document, ct);
        return true;
    }

    /// <summary>Publishes the seed again when only the system ever wrote the item (its one revision is the seed) and
    /// <paramref name="outdated"/> says the published body lacks what this release seeds — how databases seeded before the
    /// floors had walkways get them. Never over what staff have edited.</summary>
    public async Task<bool> RefreshSeedAsync(string slug, string key, IContentDocument document, Func<string, bool> outdated, CancellationToken ct)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.ContentType == slug && i.Key == key, ct);
        if (item is not { LastRevisionNumber: 1, PublishedRevision: 1, PublishedBody: { } body } || item.PublishedByName != SystemName
            || !outdated(body))
            return false;
        await PublishSeedAsync(item, slug, key, document, ct);
        return true;
    }

    private const string SystemName = "系统初始化";

    private async Task PublishSeedAsync(ContentItem item, string slug, string key, IContentDocument document, CancellationToken ct)
    {
        var type = registry.Get(slug);
        var body = ContentJson.Serialize(document, type.DocumentType);
        var (clean, _) = Prepare(type, JsonDocument.Parse(body).RootElement);
        var now = clock.GetUtcNow();
        var before = item.PublishedBody;
        var revision = item.OpenRevision(clean, Guid.Empty, SystemName, now);
        revision.PublishAsSystem(now);
        var sanitized = (IContentDocument)ContentJson.Deserialize(clean, type.DocumentType);
        item.Publish(revision, sanitized.ContentTitle, SystemName, now);
        db.ContentRevisions.Add(revision);
        Audit(item, revision, AuditActions.Seeded, new StaffActor(Guid.Empty, SystemName), ContentJson.Diff(before, clean, type.DocumentType));
        await InvokeHandlersAsync(type, key, sanitized, ct);
    }

    private async Task<RevisionView> StepAsync(string slug, string key, int number, RevisionAction action, StaffActor actor, string auditAction,
        Action<ContentItem, ContentRevision, DateTimeOffset> step, CancellationToken ct)
    {
        registry.Get(slug);
        var (item, revision) = await LoadAsync(slug, key, number, action.Version, ct);
        step(item, revision, clock.GetUtcNow());
        Audit(item, revision, auditAction, actor, [], action.Note?.Trim() ?? "");
        await SaveAsync(ct);
        return RevisionView.From(revision);
    }

    private async Task InvokeHandlersAsync(ContentTypeRegistration type, string key, IContentDocument document, CancellationToken ct)
    {
        var invoker = (IPublishedHandlerInvoker)services.GetRequiredService(typeof(PublishedHandlerInvoker<>).MakeGenericType(type.DocumentType));
        await invoker.InvokeAsync(key, document, ct);
    }

    private static (string Body, IContentDocument Document) Prepare(ContentTypeRegistration type, JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.Object)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["content"] = ["请提交内容"] });
        object? parsed;
        try
        {
            parsed = content.Deserialize(type.DocumentType, ContentJson.Options);
        }
        catch (JsonException)
        {
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["content"] = ["内容格式不正确"] });
        }
        if (parsed is not IContentDocument document)
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["content"] = ["请提交内容"] });
        var validation = new Validation();
        ContentInspector.SanitizeAndCheck(document, validation);
        document.Validate(validation);
        validation.ThrowIfAny();
        return (ContentJson.Serialize(document, type.DocumentType), document);
    }

    private async Task<(ContentItem Item, ContentRevision Revision)> LoadAsync(string slug, string key, int number, int? version, CancellationToken ct)
    {
        if (version is null) throw ProblemException.Invalid(new Dictionary<string, string[]> { ["version"] = ["请提供版本号（version）"] });
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.ContentType == slug && i.Key == key, ct)
            ?? throw ProblemException.NotFound("内容");
        var revision = await db.ContentRevisions.FirstOrDefaultAsync(r => r.ItemId == item.Id && r.Number == number, ct)
            ?? throw ProblemException.NotFound("版本");
        if (revision.Version != version) throw RevisionChanged();
        return (item, revision);
    }

    private Task<ContentRevision?> OpenRevisionAsync(Guid itemId, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.ContentRevisions : db.ContentRevisions.AsNoTracking();
        return query.FirstOrDefaultAsync(r => r.ItemId == itemId && (r.Status == RevisionStatus.Draft || r.Status == RevisionStatus.InReview), ct);
    }

    private void Audit(ContentItem item, ContentRevision revision, string action, StaffActor actor, List<FieldChange> changes, string note = "") =>
        db.ContentAudit.Add(new ContentAuditEntry
        {
            ItemId = item.Id, ContentType = item.ContentType, Key = item.Key, RevisionNumber = revision.Number, Action = action,
            ActorId = actor.Id, ActorName = actor.Name, At = clock.GetUtcNow(), Note = note,
            Changes = JsonSerializer.Serialize(changes, ContentJson.Options),
        });

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RevisionChanged();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw OpenRevisionExists();
        }
    }

    private static void CheckKey(ContentTypeRegistration type, string key)
    {
        if (!KeyPattern().IsMatch(key))
            throw ProblemException.Invalid(new Dictionary<string, string[]> { ["key"] = ["内容标识只能包含小写字母、数字和短横线"] });
        if (type.FixedKeys is { } keys && !keys.Contains(key)) throw ProblemException.NotFound("内容");
    }

    private static ProblemException RevisionChanged() => new(412, "revision_changed", "该内容已被他人修改，请刷新后再操作");

    private static ProblemException OpenRevisionExists() =>
        ProblemException.Conflict("revision_open", "该内容已有未发布的草稿或待审核版本，请在其基础上修改");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex KeyPattern();
}
