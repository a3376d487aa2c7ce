-- target_public: migrations create their objects in public, whatever the role's search_path ("$user"
-- could name a schema); extensions is where Supabase keeps pgcrypto and friends.
set local search_path = public, extensions
