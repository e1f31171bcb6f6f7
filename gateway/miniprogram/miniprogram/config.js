// What a hospital sets before uploading (see README「小程序」): the edge's HTTPS origin, which must also be listed as the
// mini-program's request domain, and the patient H5's origin, listed as its web-view business domain.
module.exports = {
  apiBase: 'https://hospital.example.com',
  h5Base: 'https://hospital.example.com',
  // The OAuth client the mini-program signs in as (the same as the patient H5).
  clientId: 'patient',
}
