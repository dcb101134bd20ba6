// The database's clock, for times several machines write and compare (claims, heartbeats), so their own clocks never disagree.
import { Prisma } from "@/generated/prisma/client";

/** now() as the UTC `timestamp` Prisma stores, whatever the session's time zone. */
export const dbNow = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** `dbNow` minus `ms` milliseconds. */
export const dbNowMinus = (ms: number) => Prisma.sql`(${dbNow} - ${ms}::int * interval '1 millisecond')`;
