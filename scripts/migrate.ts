/** Applies pending migrations to DATABASE_URL (the server also does this at start). */
import { databasePath, openDb } from '../db/client';

openDb();
console.log(`migrated ${databasePath()}`);
