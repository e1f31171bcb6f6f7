using System.Security.Cryptography;
using System.Text;
using Platform.Security.Encryption;
using Platform.Security.Hashing;
using Platform.Security.Identifiers;
using Platform.Security.Logging;
using Platform.Security.Masking;
using Platform.Security.Otp;

namespace Identity.Tests;

public sealed class SecurityPrimitivesTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static AesGcmFieldEncryptor Encryptor(string active, params string[] versions) => new(new FieldEncryptionOptions
    {
        ActiveVersion = active,
        Keys = versions.ToDictionary(v => v, v => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(v)))),
    });

    [Fact]
    public void Field_encryption_round_trips_and_names_its_key_version()
    {
        var encryptor = Encryptor("v1", "v1");
        var cipher = encryptor.Encrypt("110101199003071233", "ctx");
        Assert.StartsWith("v1:", cipher);
        Assert.DoesNotContain("110101199003071233", cipher);
        Assert.NotEqual(cipher, encryptor.Encrypt("110101199003071233", "ctx"));
        Assert.Equal("110101199003071233", encryptor.Decrypt(cipher, "ctx"));
        Assert.ThrowsAny<CryptographicException>(() => encryptor.Decrypt(cipher, "other-row"));
        var tampered = cipher[..^4] + (cipher[^4] == 'A' ? "B" : "A") + cipher[^3..];
        Assert.ThrowsAny<CryptographicException>(() => encryptor.Decrypt(tampered, "ctx"));
    }

    [Fact]
    public void Rotated_keys_still_decrypt_old_values()
    {
        var old = Encryptor("v1", "v1").Encrypt("13800000001");
        var rotated = Encryptor("v2", "v1", "v2");
        Assert.Equal("13800000001", rotated.Decrypt(old));
        Assert.True(rotated.NeedsRotation(old));
        Assert.StartsWith("v2:", rotated.Encrypt("13800000001"));
        Assert.Throws<InvalidOperationException>(() => Encryptor("v3", "v1"));
    }

    [Fact]
    public void Lookup_hashes_are_keyed_normalised_and_separated_by_purpose()
    {
        var a = new LookupHasher(Convert.ToBase64String(new byte[32]));
        var b = new LookupHasher(Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()));
        Assert.Equal(a.Hash("id", "11010519850615201x"), a.Hash("id", " 11010519850615201X"));
        Assert.NotEqual(a.Hash("id", "13800000001"), a.Hash("phone", "13800000001"));
        Assert.NotEqual(a.Hash("phone", "13800000001"), b.Hash("phone", "13800000001"));
    }

    [Fact]
    public void Masks_keep_only_what_identifies_ones_own()
    {
        Assert.Equal("1101************33", Mask.IdNumber("110101199003071233"));
        Assert.Equal("138****0001", Mask.Phone("13800000001"));
        Assert.Equal("6222 **** **** 5678", Mask.Card("6222020200112345678"));
        Assert.Equal("张*", Mask.Name("张三"));
        Assert.Equal("欧***", Mask.Name("欧阳娜娜"));
    }

    /// <summary>Everyone who could be behind a masked resident ID number once the full birth date is known as well (the
    /// worst case: a response, a log line or the person's age page gives it away).</summary>
    private static int Candidates(string masked, string birthDate)
    {
        var known = masked.ToCharArray();
        for (var i = 0; i < 8; i++) known[6 + i] = birthDate[i];
        var open = Enumerable.Range(0, 17).Where(i => known[i] == '*').ToArray();
        var count = 0;
        for (var n = 0; n < (int)Math.Pow(10, open.Length); n++)
        {
            var digits = (char[])known.Clone();
            var rest = n;
            foreach (var i in open) { digits[i] = (char)('0' + rest % 10); rest /= 10; }
            if (known[17] == '*' || ResidentIdNumber.CheckCharacter(new string(digits, 0, 17)) == known[17]) count++;
        }
        return count;
    }

    [Fact]
    [Trait("Rubric", "S01")]
    public void A_masked_id_number_cannot_be_recomputed_even_beside_its_birth_date()
    {
        const string id = "110101199003071233";
        var masked = Mask.IdNumber(id);
        Assert.Equal(18, masked.Length);
        Assert.True(masked.TakeWhile(c => c != '*').Count() <= 4 && masked.Reverse().TakeWhile(c => c != '*').Count() <= 2, masked);
        // The old mask (first 3 + last 4) left about 90 candidates, fewer once impossible region codes are dropped.
        Assert.True(Candidates(masked, "19900307") >= 500, $"{masked}: {Candidates(masked, "19900307")} candidates");
        Assert.DoesNotContain(id, LogRedactor.Redact("patient " + id + " born 1990-03-07"));
        Assert.Equal(Mask.IdNumber(id), LogRedactor.Redact(id));
    }

    [Theory]
    [InlineData("110101199003071233", null)]
    [InlineData("11010519850615201X", null)]
    [InlineData("11010519850615201x", null)]
    [InlineData("110101199003071234", "校验位")]
    [InlineData("990101199003071236", "地区码")]
    [InlineData("110101189912311234", "出生日期")]
    [InlineData("110101203001011234", "出生日期")]
    [InlineData("110101199002301234", "出生日期")]
    [InlineData("11010119900307123", "18位")]
    [InlineData("1101011990030712'3", "18位")]
    public void Resident_ids_follow_gb_11643(string number, string? problem)
    {
        var result = ResidentIdNumber.Problem(number, Today);
        if (problem is null) Assert.Null(result);
        else Assert.Contains(problem, result);
    }

    [Theory]
    [InlineData("hk_macao_permit", "H12345678", true)]
    [InlineData("hk_macao_permit", "M1234567890", true)]
    [InlineData("hk_macao_permit", "H1234567", false)]
    [InlineData("hk_macao_permit", "X12345678", false)]
    [InlineData("taiwan_permit", "12345678", true)]
    [InlineData("taiwan_permit", "1234567", false)]
    [InlineData("foreign_permanent_id", "USA123456789012", true)]
    [InlineData("foreign_permanent_id", "93110119900307123X", false)]
    [InlineData("passport", "E12345678", true)]
    [InlineData("passport", "E1234<script>", false)]
    public void Other_permits_have_their_own_formats(string type, string number, bool valid) =>
        Assert.Equal(valid, IdentityDocument.Problem(type, number, Today) is null);

    [Fact]
    public void New_foreign_permanent_ids_carry_a_gb_11643_check_character()
    {
        var first17 = "93310119900307123";
        Assert.Null(IdentityDocument.Problem("foreign_permanent_id", first17 + ResidentIdNumber.CheckCharacter(first17), Today));
    }

    // RFC 6238 Appendix B: 8-digit codes for the ASCII seeds at the listed Unix times.
    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Totp_matches_the_rfc_6238_test_vectors(long unixTime, string sha1, string sha256, string sha512)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixTime));
        Assert.Equal(sha1, Totp.Compute(Encoding.ASCII.GetBytes("12345678901234567890"), step, 8, "SHA1"));
        Assert.Equal(sha256, Totp.Compute(Encoding.ASCII.GetBytes("12345678901234567890123456789012"), step, 8, "SHA256"));
        Assert.Equal(sha512, Totp.Compute(Encoding.ASCII.GetBytes(
            "1234567890123456789012345678901234567890123456789012345678901234"), step, 8, "SHA512"));
    }

    [Fact]
    public void Totp_accepts_one_step_of_drift_and_each_step_once()
    {
        var key = Base32.Decode("JBSWY3DPEHPK3PXP");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);
        Assert.Equal(step - 1, Totp.Verify(key, Totp.Compute(key, step - 1), now));
        Assert.Null(Totp.Verify(key, Totp.Compute(key, step - 2), now));
        Assert.Null(Totp.Verify(key, Totp.Compute(key, step), now, lastUsedStep: step));
        Assert.Equal("JBSWY3DPEHPK3PXP", Base32.Encode(key));
    }

    [Fact]
    public void Log_redaction_masks_identifiers_in_free_text()
    {
        var redacted = LogRedactor.Redact("身份证110101199003071233 手机13800000001 卡号6222020200112345678 订单12345");
        Assert.DoesNotContain("110101199003071233", redacted);
        Assert.DoesNotContain("13800000001", redacted);
        Assert.DoesNotContain("6222020200112345678", redacted);
        Assert.Contains("1101************33", redacted);
        Assert.Contains("订单12345", redacted);
    }
}
