namespace Platform.WeChat.Templates;

/// <summary>The value type WeChat infers from a field key's prefix: "thing1" is a Thing, "character_string2" a CharacterString.</summary>
public enum TemplateFieldKind
{
    Unknown,
    Thing,
    Number,
    Letter,
    Symbol,
    CharacterString,
    Time,
    Date,
    Amount,
    PhoneNumber,
    CarNumber,
    Name,
    Phrase,
}
