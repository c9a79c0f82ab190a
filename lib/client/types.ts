import type { CallOutcome, CallStatus, CampaignStatus, Weekday } from '../enums';

/** Wire shapes the dashboard reads (as the API returns them). */

export interface Schedule {
  schedule_id: number;
  nickname: string | null;
  days: Weekday[];
}

export interface Profile {
  profile_id: number;
  nickname: string | null;
  period: number;
  amount_per_period: number;
  time_between_periods: number;
}

export interface CampaignWindowView {
  profile_id: number;
  nickname: string | null;
  start_time: string;
  end_time: string;
}

export interface Campaign {
  campaign_id: number;
  start_date: string;
  end_date: string;
  start_url: string;
  result_url: string | null;
  schedule_nickname: string;
  schedule_id: number;
  profiles: CampaignWindowView[];
  status: CampaignStatus;
  next_dial_at: string | null;
  calls: { total: number; queued: number; dialing: number; completed: number; interrupted: number };
  outcomes: Record<CallOutcome, number>;
}

export interface Call {
  call_id: number;
  phone_number: string;
  ani: string | null;
  message_reference: string | null;
  status: CallStatus;
  outcome: CallOutcome | null;
  attempt: number;
  slot_at: string | null;
  dialed_at: string | null;
  ended_at: string | null;
  duration_seconds: number | null;
}

export interface CallPage {
  calls: Call[];
  next_cursor: string | null;
}

export interface CampaignStats {
  dials_per_hour: Array<{ hour: string; dials: number } & Record<CallOutcome, number>>;
  outcomes: Record<CallOutcome, number>;
}

export interface ApiToken {
  token_id: number;
  prefix: string;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface User {
  user_id: number;
  email: string;
  created_at: string;
}

export interface Me {
  user_id: number;
  email: string;
  account_id: number;
  account_name: string | null;
}

export interface CallFilters {
  status?: CallStatus | '';
  limit?: number;
}
