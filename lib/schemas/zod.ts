import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Registering the OpenAPI extension once, here, lets every schema carry `.openapi(...)` metadata.
extendZodWithOpenApi(z);

export { z };
