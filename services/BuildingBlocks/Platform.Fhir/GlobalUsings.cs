global using Platform.Fhir.Model;
global using Platform.Fhir.Resources;
// FHIR's Range datatype shares its name with System.Range, which the implicit usings bring in.
global using Range = Platform.Fhir.Model.Range;
