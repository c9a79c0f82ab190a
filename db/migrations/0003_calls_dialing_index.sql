DROP INDEX `calls_status_idx`;--> statement-breakpoint
CREATE INDEX `calls_dialing_idx` ON `calls` (`status`) WHERE status = 'dialing';