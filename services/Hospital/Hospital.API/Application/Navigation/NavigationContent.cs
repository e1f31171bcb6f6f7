namespace Hospital.API.Application.Navigation;

public static class NavigationContent
{
    public const string Slug = "floor-map";
    public const string Label = "楼层导航图";
}
