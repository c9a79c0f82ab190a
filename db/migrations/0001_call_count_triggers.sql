-- Keeps campaigns' call counters exact when a call changes status or outcome, or is deleted.
-- Inserts are counted by lib/calls/ingest per batch (one UPDATE per batch instead of per row).
CREATE TRIGGER calls_count_update AFTER UPDATE OF status, outcome ON calls
WHEN OLD.status IS NOT NEW.status OR OLD.outcome IS NOT NEW.outcome
BEGIN
  UPDATE campaigns SET
    calls_queued = calls_queued + (NEW.status = 'queued') - (OLD.status = 'queued'),
    calls_dialing = calls_dialing + (NEW.status = 'dialing') - (OLD.status = 'dialing'),
    calls_completed = calls_completed + (NEW.status = 'completed') - (OLD.status = 'completed'),
    calls_interrupted = calls_interrupted + (NEW.status = 'interrupted') - (OLD.status = 'interrupted'),
    outcome_answered = outcome_answered + (NEW.outcome IS 'answered') - (OLD.outcome IS 'answered'),
    outcome_busy = outcome_busy + (NEW.outcome IS 'busy') - (OLD.outcome IS 'busy'),
    outcome_no_answer = outcome_no_answer + (NEW.outcome IS 'no-answer') - (OLD.outcome IS 'no-answer'),
    outcome_failed = outcome_failed + (NEW.outcome IS 'failed') - (OLD.outcome IS 'failed')
  WHERE id = NEW.campaign_id;
END;
--> statement-breakpoint
-- A campaign's own deletion cascades to its calls; counters then vanish with the row.
CREATE TRIGGER calls_count_delete AFTER DELETE ON calls
BEGIN
  UPDATE campaigns SET
    calls_total = calls_total - 1,
    calls_queued = calls_queued - (OLD.status = 'queued'),
    calls_dialing = calls_dialing - (OLD.status = 'dialing'),
    calls_completed = calls_completed - (OLD.status = 'completed'),
    calls_interrupted = calls_interrupted - (OLD.status = 'interrupted'),
    outcome_answered = outcome_answered - (OLD.outcome IS 'answered'),
    outcome_busy = outcome_busy - (OLD.outcome IS 'busy'),
    outcome_no_answer = outcome_no_answer - (OLD.outcome IS 'no-answer'),
    outcome_failed = outcome_failed - (OLD.outcome IS 'failed')
  WHERE id = OLD.campaign_id;
END;
