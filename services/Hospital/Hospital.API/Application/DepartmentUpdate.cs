using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application;

/// <summary>What staff may change about a department. <see cref="Version"/>, when sent, guards against
/// overwriting someone else's edit.</summary>
public sealed partial record DepartmentUpdate(string? Name, string? Summary, string? Phone, string? Building, string? Floor, int? Version)
{
    public void Validate()
    {
        new Validation()
            .Required("name", Name, "科室名称")
            .Length("name", Name, "科室名称", 1, 50)
            .PlainText("name", Name, "科室名称")
            .Length("summary", Summary, "科室简介", 0, 2000)
            .PlainText("summary", Summary, "科室简介")
            .Matches("phone", Phone, PhonePattern(), "联系电话只能包含数字和短横线，长度7-20位")
            .Length("building", Building, "所在楼宇", 0, 50)
            .PlainText("building", Building, "所在楼宇")
            .Length("floor", Floor, "所在楼层", 0, 20)
            .PlainText("floor", Floor, "所在楼层")
            .ThrowIfAny();
    }

    [GeneratedRegex(@"^[0-9\-]{7,20}$")]
    private static partial Regex PhonePattern();
}
