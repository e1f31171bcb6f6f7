# One image shape for every .NET service: docker build -f deploy/docker/service.Dockerfile --build-arg PROJECT=services/Hospital/Hospital.API .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG PROJECT
# Report PDFs are drawn in Chinese (Reports:PdfFontFile defaults to this font).
RUN case "$PROJECT" in *Reports*) apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
      && rm -rf /var/lib/apt/lists/*;; esac
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 DOTNET_NOLOGO=1
EXPOSE 8080
USER app
HEALTHCHECK --interval=10s --timeout=3s CMD ["dotnet", "--info"]
ENTRYPOINT ["sh", "-c", "exec dotnet $(ls *.API.dll *.Gateway.dll 2>/dev/null | head -1)"]
