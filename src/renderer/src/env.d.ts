/// <reference types="vite/client" />
// Vite's ambient types (CSS imports, import.meta.env); tsconfig.web.json sets "types": [] so they are referenced here.
