global using Hl7.Fhir.Model;
// FHIR's Task resource shares its name with System.Threading.Tasks.Task, which the implicit usings bring in.
global using Task = System.Threading.Tasks.Task;
