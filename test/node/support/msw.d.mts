export { setupServer } from 'msw/node';
export { http, HttpResponse } from 'msw';
