using Platform.Fhir.Model;
using Platform.Fhir.Resources;

namespace Fhir.Tests.Referee;

/// <summary>The resources the platform writes to the HIS, built with the C# model as the services will build them.</summary>
public static class WrittenResources
{
    private static readonly DateTimeOffset BookedAt = new(2024, 5, 1, 10, 12, 33, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset SlotStart = new(2024, 5, 6, 8, 0, 0, TimeSpan.FromHours(8));

    public static IReadOnlyDictionary<string, Func<Resource>> All { get; } = new Dictionary<string, Func<Resource>>
    {
        ["patient-with-id-card"] = PatientWithIdCard,
        ["appointment-booked"] = BookedAppointment,
        ["slot-update"] = SlotUpdate,
        ["questionnaire-response"] = QuestionnaireResponse,
        ["communication-reminder"] = Communication,
        ["consent-privacy"] = Consent,
        ["audit-event-report-read"] = AuditEvent,
        ["task-follow-up"] = FollowUpTask,
        ["bundle-transaction-booking"] = BookingTransaction,
    };

    public static Patient PatientWithIdCard() => new()
    {
        Identifier =
        [
            new Identifier
            {
                Use = "official",
                Type = CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v2-0203", "NI", "National unique individual identifier", "居民身份证"),
                System = "urn:oid:2.16.156.10011.1.1",
                Value = "110101198503120017",
            },
        ],
        Active = true,
        Name = [new HumanName { Use = "official", Text = "张三", Family = "张", Given = ["三"] }],
        Telecom = [new ContactPoint { System = "phone", Value = "13800138000", Use = "mobile" }],
        Gender = "male",
        BirthDate = new FhirDateTime("1985-03-12"),
        Address = [new Address { Text = "北京市东城区东长安街1号", City = "北京市", District = "东城区", Country = "CN" }],
        Extension = [new Extension { Url = "urn:platform:ext:wechat-bound", ValueBoolean = true }],
    };

    public static Appointment BookedAppointment() => new()
    {
        Identifier = [Identifier.Of("urn:platform:appointment", "0190f3b2-7c1e-7c4e-9d2a-2f1e4b6a8c01")],
        Status = "booked",
        ServiceType = [new CodeableConcept { Text = "专家门诊" }],
        Specialty = [CodeableConcept.Of("urn:his:dept", "0301", "心血管内科")],
        Description = "心内科王建国主任专家号",
        Start = SlotStart,
        End = SlotStart.AddMinutes(15),
        MinutesDuration = 15,
        Slot = [Reference.To<Slot>("slot-20240506-0800")],
        Created = BookedAt,
        PatientInstruction = "请提前30分钟到门诊3楼分诊台签到",
        Participant =
        [
            new Appointment.ParticipantComponent { Actor = Reference.To<Patient>("p-1001", "张三"), Required = "required", Status = "accepted" },
            new Appointment.ParticipantComponent { Actor = Reference.To<Practitioner>("dr-wang", "王建国"), Required = "required", Status = "accepted" },
        ],
        Extension = [new Extension { Url = "urn:platform:ext:channel", ValueCode = "wechat" }],
    };

    public static Slot SlotUpdate() => new()
    {
        Id = "slot-20240506-0800",
        Meta = new Meta { VersionId = "7" },
        Schedule = Reference.To<Schedule>("sch-wang-202405"),
        Status = "busy",
        Start = SlotStart,
        End = SlotStart.AddMinutes(15),
        Comment = "已被预约",
    };

    public static QuestionnaireResponse QuestionnaireResponse() => new()
    {
        Identifier = Identifier.Of("urn:platform:survey-response", "0190f3b2-aaaa-7c4e-9d2a-2f1e4b6a8c01"),
        Questionnaire = "https://platform.example.cn/fhir/Questionnaire/satisfaction|2024.1",
        Status = "completed",
        Subject = Reference.To<Patient>("p-1001"),
        Authored = new DateTimeOffset(2024, 5, 7, 20, 15, 0, TimeSpan.FromHours(8)),
        Item =
        [
            new QuestionnaireResponse.ItemComponent
            {
                LinkId = "1",
                Text = "您对医生的服务态度是否满意？",
                Answer = [new QuestionnaireResponse.AnswerComponent { ValueCoding = Coding.Of("urn:platform:likert", "5", "非常满意") }],
            },
            new QuestionnaireResponse.ItemComponent { LinkId = "3", Answer = [new QuestionnaireResponse.AnswerComponent { ValueInteger = 25 }] },
            new QuestionnaireResponse.ItemComponent
            {
                LinkId = "4",
                Item =
                [
                    new QuestionnaireResponse.ItemComponent { LinkId = "4.1", Answer = [new QuestionnaireResponse.AnswerComponent { ValueDate = new FhirDateTime("2024-05-06") }] },
                    new QuestionnaireResponse.ItemComponent { LinkId = "4.2", Answer = [new QuestionnaireResponse.AnswerComponent { ValueDecimal = 36.80m }] },
                ],
            },
        ],
    };

    public static Communication Communication() => new()
    {
        Identifier = [Identifier.Of("urn:platform:notification", "N20240506001")],
        BasedOn = [Reference.To<Appointment>("appt-88001")],
        Status = "completed",
        Category = [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/communication-category", "reminder")],
        Medium = [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", "WRITTEN", text: "微信模板消息")],
        Subject = Reference.To<Patient>("p-1001"),
        Sent = new DateTimeOffset(2024, 5, 5, 20, 0, 0, TimeSpan.FromHours(8)),
        Recipient = [Reference.To<Patient>("p-1001")],
        Sender = Reference.To<Organization>("hosp-1"),
        Payload = [new Communication.PayloadComponent { ContentString = "张三您好，您预约的心内科专家号将于明天08:00就诊。" }],
    };

    public static Consent Consent() => new()
    {
        Status = "active",
        Scope = CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"),
        Category = [CodeableConcept.Of("http://loinc.org", "59284-0", "Patient Consent", "互联网医院隐私授权")],
        Patient = Reference.To<Patient>("p-1001"),
        DateTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(8)),
        Organization = [Reference.To<Organization>("hosp-1")],
        SourceAttachment = new Attachment { ContentType = "text/html", Url = "https://platform.example.cn/consents/privacy-v3.html", Title = "隐私政策 v3" },
        PolicyRule = CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN"),
        Provision = new Consent.ProvisionComponent
        {
            Type = "permit",
            Period = new Period { Start = new FhirDateTime("2024-05-01"), End = new FhirDateTime("2025-05-01") },
            Action = [CodeableConcept.Of("http://terminology.hl7.org/CodeSystem/consentaction", "access")],
        },
    };

    public static AuditEvent AuditEvent() => new()
    {
        Type = Coding.Of("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"),
        Subtype = [Coding.Of("http://hl7.org/fhir/restful-interaction", "read", "read")],
        Action = "R",
        Recorded = new DateTimeOffset(2024, 5, 6, 10, 10, 1, 245, TimeSpan.FromHours(8)),
        Outcome = "0",
        Agent =
        [
            new AuditEvent.AgentComponent
            {
                Who = Reference.To<Patient>("p-1001"),
                Name = "张三",
                Requestor = true,
                Network = new AuditEvent.NetworkComponent { Address = "203.0.113.8", Type = "2" },
            },
        ],
        Source = new AuditEvent.SourceComponent { Site = "platform-reports-api", Observer = new Reference { Display = "Reports.API" } },
        Entity = [new AuditEvent.EntityComponent { What = Reference.To<DiagnosticReport>("rpt-lab-2001"), Name = "血常规" }],
    };

    public static FhirTask FollowUpTask() => new()
    {
        Identifier = [Identifier.Of("urn:platform:followup", "SF-2024-0001")],
        Status = "requested",
        Intent = "order",
        Priority = "routine",
        Code = new CodeableConcept { Text = "出院随访" },
        Description = "术后7天电话随访",
        For = Reference.To<Patient>("p-1001"),
        AuthoredOn = new DateTimeOffset(2024, 5, 6, 8, 30, 0, TimeSpan.FromHours(8)),
        LastModified = new DateTimeOffset(2024, 5, 6, 8, 30, 0, TimeSpan.FromHours(8)),
        Owner = Reference.To<Practitioner>("nurse-chen"),
        Input = [new FhirTask.ParameterComponent { Type = new CodeableConcept { Text = "问卷" }, ValueCanonical = "https://platform.example.cn/fhir/Questionnaire/satisfaction" }],
    };

    public static Bundle BookingTransaction()
    {
        const string appointmentUrl = "urn:uuid:0190f3b2-7c1e-7c4e-9d2a-2f1e4b6a8c01";
        return new Bundle
        {
            Type = "transaction",
            Entry =
            [
                new Bundle.EntryComponent
                {
                    FullUrl = appointmentUrl,
                    Resource = BookedAppointment(),
                    Request = new Bundle.RequestComponent
                    {
                        Method = "POST",
                        Url = "Appointment",
                        IfNoneExist = "identifier=urn:platform:appointment|0190f3b2-7c1e-7c4e-9d2a-2f1e4b6a8c01",
                    },
                },
                new Bundle.EntryComponent
                {
                    FullUrl = "https://his.example.cn/fhir/Slot/slot-20240506-0800",
                    Resource = SlotUpdate(),
                    Request = new Bundle.RequestComponent { Method = "PUT", Url = "Slot/slot-20240506-0800", IfMatch = "W/\"7\"" },
                },
            ],
        };
    }
}
