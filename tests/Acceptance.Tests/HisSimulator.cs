using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Acceptance.Tests.Identity;
using Platform.Testing;

namespace Acceptance.Tests;

/// <summary>The HIS simulator read as its own FHIR client, as the HisAdapter tests do, and its seeded patients added to
/// an account (the real-name authority knows them, the HIS adapter links them by ID number).</summary>
public sealed class HisSimulator : IDisposable
{
    private readonly HttpClient http = new()
    {
        BaseAddress = new Uri(Environment.GetEnvironmentVariable("PLATFORM_HIS_SIM_URL") is { Length: > 0 } v ? v.TrimEnd('/') : "http://127.0.0.1:5301"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static readonly HttpClient Edge = new() { BaseAddress = new Uri(TestEnvironment.EdgeUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Adds, as 本人, the first adult seeded patient (pat-0001 … pat-<paramref name="upTo"/>) that
    /// <paramref name="wanted"/> accepts and that no other account has yet.</summary>
    public async Task<(string HisId, Guid PatientId)> AddSeededPatientAsync(TestAccount account, int upTo, Func<string, Task<bool>> wanted)
    {
        for (var n = 1; n <= upTo; n++)
        {
            var hisId = $"pat-{n:D4}";
            if (!await wanted(hisId)) continue;
            var (name, idNumber, born) = await PatientAsync(hisId);
            if (born > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18)) continue; // a child is added by a guardian, not as 本人
            if (await AddAsSelfAsync(account, name, idNumber) is { } patientId) return (hisId, patientId);
        }
        throw new InvalidOperationException("HIS 种子中合适的患者都已被其他账号绑定：请 ./platform down 后重新 up");
    }

    /// <summary>A new adult the HIS has just registered (建档) and the real-name authority knows, added as 本人 to the
    /// account: for tests that need a HIS patient of their own and nothing from the seeds.</summary>
    public async Task<(string HisId, Guid PatientId)> AddNewPatientAsync(TestAccount account)
    {
        var (name, born) = (TestPeople.ChineseName(), TestPeople.BornYearsAgo(45));
        var idNumber = TestPeople.ResidentId(born);
        var created = await SendAsync(HttpMethod.Post, "/fhir/Patient", new
        {
            resourceType = "Patient", active = true,
            identifier = new[] { new { system = "urn:oid:2.16.156.10011.1.2", value = idNumber } },
            name = new[] { new { text = name } }, gender = "male", birthDate = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var patientId = await AddAsSelfAsync(account, name, idNumber) ?? throw new InvalidOperationException($"{name} 已被其他账号绑定");
        return (created.GetProperty("id").GetString()!, patientId);
    }

    private static async Task<Guid?> AddAsSelfAsync(TestAccount account, string name, string idNumber)
    {
        await Simulators.AddPersonAsync(name, idNumber);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/patients")
        {
            Content = JsonContent.Create(new { relation = "self", name, idType = "resident_id", idNumber, phone = TestPeople.Phone(), method = "id_card" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        var response = await Edge.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (response.IsSuccessStatusCode) return body.GetProperty("id").GetGuid();
        Assert.True(body.TryGetProperty("code", out var code) && code.GetString() == "already_bound", $"添加就诊人失败：{body}");
        return null;
    }

    public async Task<(string Name, string IdNumber, DateOnly BirthDate)> PatientAsync(string hisId)
    {
        var patient = await FhirAsync($"Patient/{hisId}");
        var idNumber = patient.GetProperty("identifier").EnumerateArray()
            .First(i => i.GetProperty("system").GetString() == "urn:oid:2.16.156.10011.1.2").GetProperty("value").GetString()!;
        return (patient.GetProperty("name")[0].GetProperty("text").GetString()!, idNumber,
            DateOnly.Parse(patient.GetProperty("birthDate").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>The HIS charges the patient for a visit today, as its cashier would after the doctor's orders: a CT and a
    /// drug (after a 15.00 registration fee when <paramref name="withRegistrationFee"/>) on an issued (unpaid) invoice.
    /// Returns the invoice id and its total in fen.</summary>
    public async Task<(string InvoiceId, long TotalFen)> ChargeVisitAsync(string hisPatientId, bool withRegistrationFee = false)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        object Charge(string id, string code, string text, decimal yuan) => new
        {
            fullUrl = $"urn:uuid:{id}",
            resource = new
            {
                resourceType = "ChargeItem", status = "billed",
                code = new { coding = new[] { new { system = "http://his.jcsy.example/CodeSystem/charge-item", code, display = text } }, text },
                subject = new { reference = $"Patient/{hisPatientId}" }, occurrenceDateTime = now, quantity = new { value = 1 },
                priceOverride = new { value = yuan, currency = "CNY" }, enteredDate = now,
            },
            request = new { method = "POST", url = "ChargeItem" },
        };
        var lines = new List<(Guid Id, string Code, string Text, decimal Yuan)>();
        if (withRegistrationFee) lines.Add((Guid.NewGuid(), "GH", "挂号费-普通门诊", 15m));
        lines.Add((Guid.NewGuid(), "JC-CT", "检查费-CT", 280m));
        lines.Add((Guid.NewGuid(), "YP-ACC", "药品费-阿莫西林胶囊", 35.5m));
        var total = lines.Sum(l => l.Yuan);
        var bundle = new
        {
            resourceType = "Bundle", type = "transaction",
            entry = lines.Select(l => Charge(l.Id.ToString(), l.Code, l.Text, l.Yuan)).Append(
                new
                {
                    fullUrl = $"urn:uuid:{Guid.NewGuid()}",
                    resource = (object)new
                    {
                        resourceType = "Invoice", status = "issued", type = new { text = "门诊收费" },
                        identifier = new[] { new { system = "http://his.jcsy.example/sid/invoice", value = $"FPT{tag}" } },
                        subject = new { reference = $"Patient/{hisPatientId}" }, date = now,
                        lineItem = lines.Select((l, i) => new
                        {
                            sequence = i + 1, chargeItemReference = new { reference = $"urn:uuid:{l.Id}" },
                            priceComponent = new[] { new { type = "base", amount = new { value = l.Yuan, currency = "CNY" } } },
                        }).ToArray(),
                        totalNet = new { value = total, currency = "CNY" }, totalGross = new { value = total, currency = "CNY" }, paymentTerms = "待缴费",
                    },
                    request = new { method = "POST", url = "Invoice" },
                }).ToArray(),
        };
        var answer = await SendAsync(HttpMethod.Post, "/fhir", bundle);
        var invoice = answer.GetProperty("entry")[lines.Count].GetProperty("response").GetProperty("location").GetString()!;
        return (invoice.Split('/')[1], (long)(total * 100));
    }

    /// <summary>The patient pays the invoice at the cashier's window meanwhile: the HIS has it balanced.</summary>
    public async Task PayAtWindowAsync(string invoiceId)
    {
        var invoice = System.Text.Json.Nodes.JsonNode.Parse((await FhirAsync($"Invoice/{invoiceId}")).GetRawText())!;
        invoice["status"] = "balanced";
        invoice["paymentTerms"] = "已缴费（窗口）";
        await SendAsync(HttpMethod.Put, $"/fhir/Invoice/{invoiceId}", invoice);
    }

    /// <summary>Creates any resource at the HIS (a prescription, an allergy) as its own staff would.</summary>
    public Task<JsonElement> CreateAsync(string resourceType, object resource) => SendAsync(HttpMethod.Post, $"/fhir/{resourceType}", resource);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HIS {method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The HIS admits the patient: an active 住院预交金 account, 3000.00 paid at the admission office's window
    /// and 1234.56 already charged to it (bed, nursing, drugs, tests). Returns the account id and its balance in fen.</summary>
    public async Task<(string AccountId, long BalanceFen)> AdmitWithDepositAsync(string hisPatientId)
    {
        const string ext = "http://his.jcsy.example/fhir/StructureDefinition/";
        object Money(string name, decimal yuan) => new { url = ext + name, valueMoney = new { value = yuan, currency = "CNY" } };
        var since = DateTimeOffset.UtcNow.AddDays(-2).ToOffset(TimeSpan.FromHours(8));
        string At(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var charges = new (string Code, string Text, decimal Yuan)[] { ("ZY-CW", "床位费", 120m), ("ZY-HL", "护理费", 70m), ("ZY-YP", "药品费", 456.78m), ("ZY-JC", "检查检验费", 587.78m) };
        // Charged before the window deposit arrives: the payment rule raises the deposit and balance by it.
        var account = await SendAsync(HttpMethod.Post, "/fhir/Account", new
        {
            resourceType = "Account", status = "active", name = "住院预交金账户",
            type = new { text = "住院预交金账户" },
            subject = new[] { new { reference = $"Patient/{hisPatientId}" } },
            servicePeriod = new { start = At(since) },
            owner = new { reference = "Organization/org-jcsy" },
            extension = new[] { Money("deposit-total", 0m), Money("charges-total", charges.Sum(c => c.Yuan)), Money("deposit-balance", -charges.Sum(c => c.Yuan)) },
        });
        var accountId = account.GetProperty("id").GetString()!;
        var entries = charges.Select((c, i) => (object)new
        {
            resource = new
            {
                resourceType = "ChargeItem", status = "billed",
                code = new { coding = new[] { new { system = "http://his.jcsy.example/CodeSystem/charge-item", code = c.Code, display = c.Text } }, text = c.Text },
                subject = new { reference = $"Patient/{hisPatientId}" }, occurrenceDateTime = At(since.AddHours(6 + i)), quantity = new { value = 1 },
                priceOverride = new { value = c.Yuan, currency = "CNY" }, account = new[] { new { reference = $"Account/{accountId}" } },
            },
            request = new { method = "POST", url = "ChargeItem" },
        }).ToList();
        var receipt = $"urn:uuid:{Guid.NewGuid()}";
        var identifier = new[] { new { system = "http://his.jcsy.example/sid/cashier-receipt", value = $"YJ{Guid.NewGuid():N}"[..14] } };
        entries.Add(new
        {
            fullUrl = receipt,
            resource = (object)new
            {
                resourceType = "PaymentReconciliation", identifier, status = "active", created = At(since), paymentDate = At(since)[..10],
                paymentAmount = new { value = 3000m, currency = "CNY" }, outcome = "complete", disposition = "住院处窗口缴纳预交金",
            },
            request = new { method = "POST", url = "PaymentReconciliation" },
        });
        entries.Add(new
        {
            resource = (object)new
            {
                resourceType = "PaymentNotice", identifier, status = "active", request = new { reference = $"Account/{accountId}" }, created = At(since),
                payment = new { reference = receipt }, recipient = new { reference = "Organization/org-jcsy" }, amount = new { value = 3000m, currency = "CNY" },
            },
            request = new { method = "POST", url = "PaymentNotice" },
        });
        await SendAsync(HttpMethod.Post, "/fhir", new { resourceType = "Bundle", type = "transaction", entry = entries });
        return (accountId, 176544);
    }

    /// <summary>The lab reports a fasting glucose (空腹血糖, LOINC 14749-6, 3.9-6.1 mmol/L) for the patient, taken
    /// <paramref name="daysAgo"/> days ago: a final DiagnosticReport with its Observation, flagged H/L/N as the LIS
    /// would. Returns the report's HIS id.</summary>
    public async Task<string> AddGlucoseReportAsync(string hisPatientId, decimal value, int daysAgo)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-daysAgo).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var flag = value > 6.1m ? "H" : value < 3.9m ? "L" : "N";
        var observation = Guid.NewGuid();
        object Quantity(decimal v) => new { value = v, unit = "mmol/L", system = "http://unitsofmeasure.org", code = "mmol/L" };
        var bundle = new
        {
            resourceType = "Bundle", type = "transaction",
            entry = new object[]
            {
                new
                {
                    fullUrl = $"urn:uuid:{observation}",
                    resource = new
                    {
                        resourceType = "Observation", status = "final",
                        code = new { coding = new[] { new { system = "http://loinc.org", code = "14749-6" } }, text = "空腹血糖" },
                        subject = new { reference = $"Patient/{hisPatientId}" }, effectiveDateTime = at, issued = at,
                        valueQuantity = Quantity(value),
                        interpretation = new[] { new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code = flag } } } },
                        referenceRange = new[] { new { low = Quantity(3.9m), high = Quantity(6.1m), text = "3.9-6.1 mmol/L" } },
                    },
                    request = new { method = "POST", url = "Observation" },
                },
                new
                {
                    fullUrl = $"urn:uuid:{Guid.NewGuid()}",
                    resource = (object)new
                    {
                        resourceType = "DiagnosticReport", status = "final",
                        category = new[] { new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/v2-0074", code = "LAB" } }, text = "检验" } },
                        code = new { text = "空腹血糖" }, subject = new { reference = $"Patient/{hisPatientId}" },
                        effectiveDateTime = at, issued = at, conclusion = flag == "N" ? "各项指标均在参考范围内。" : "部分指标异常，请结合临床。",
                        result = new[] { new { reference = $"urn:uuid:{observation}" } },
                    },
                    request = new { method = "POST", url = "DiagnosticReport" },
                },
            },
        };
        var answer = await SendAsync(HttpMethod.Post, "/fhir", bundle);
        return answer.GetProperty("entry")[1].GetProperty("response").GetProperty("location").GetString()!.Split('/')[1];
    }

    /// <summary>A chest film for the patient read today, with one key image (the bytes of a seeded study's key image)
    /// attached as FHIR Media; returns the report's HIS id.</summary>
    public async Task<string> AddChestFilmReportAsync(string hisPatientId)
    {
        var seeded = (await FhirAsync("Media?_count=1")).GetProperty("entry")[0].GetProperty("resource");
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var media = Guid.NewGuid();
        var bundle = new
        {
            resourceType = "Bundle", type = "transaction",
            entry = new object[]
            {
                new
                {
                    fullUrl = $"urn:uuid:{media}",
                    resource = new
                    {
                        resourceType = "Media", status = "completed", subject = new { reference = $"Patient/{hisPatientId}" }, createdDateTime = at,
                        content = new { contentType = "image/png", title = "关键图像：病灶层面", data = seeded.GetProperty("content").GetProperty("data").GetString() },
                    },
                    request = new { method = "POST", url = "Media" },
                },
                new
                {
                    fullUrl = $"urn:uuid:{Guid.NewGuid()}",
                    resource = (object)new
                    {
                        resourceType = "DiagnosticReport", status = "final",
                        category = new[] { new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/v2-0074", code = "RAD" } }, text = "放射科" } },
                        code = new { text = "胸部正位片" }, subject = new { reference = $"Patient/{hisPatientId}" },
                        effectiveDateTime = at, issued = at, conclusion = "右肺下野小结节，建议3个月后复查。",
                        media = new[] { new { comment = "关键图像：病灶层面", link = new { reference = $"urn:uuid:{media}" } } },
                    },
                    request = new { method = "POST", url = "DiagnosticReport" },
                },
            },
        };
        var answer = await SendAsync(HttpMethod.Post, "/fhir", bundle);
        return answer.GetProperty("entry")[1].GetProperty("response").GetProperty("location").GetString()!.Split('/')[1];
    }

    /// <summary>The HIS pushes an event (POST /$sim/push), e.g. report-ready for a report.</summary>
    public async Task PushAsync(object body)
    {
        var response = await http.PostAsJsonAsync("/$sim/push", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HIS push: {(int)response.StatusCode} {text}");
    }

    public async Task<int> ActiveOrdersAsync(string hisId)
    {
        var bundle = await FhirAsync($"ServiceRequest?subject=Patient/{hisId}&status=active&_count=50");
        return bundle.TryGetProperty("entry", out var entries) ? entries.GetArrayLength() : 0;
    }

    public async Task<JsonElement> AppointmentAsync(Guid platformId)
    {
        var bundle = await FhirAsync($"Appointment?identifier=http://platform.jcsy.example/sid/appointment|{platformId}");
        return bundle.GetProperty("entry")[0].GetProperty("resource");
    }

    /// <summary>The resources of a search, or none.</summary>
    public async Task<List<JsonElement>> SearchAsync(string query)
    {
        var bundle = await FhirAsync(query);
        return bundle.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().Select(e => e.GetProperty("resource")).ToList() : [];
    }

    public async Task<JsonElement> FhirAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HIS {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("platform:platform-secret")));
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public void Dispose() => http.Dispose();
}
