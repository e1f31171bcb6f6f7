global using Platform.Fhir.Model;
global using Platform.Fhir.Resources;
global using Range = Platform.Fhir.Model.Range;
