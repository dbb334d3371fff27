"""What students and trainers read: the guides' helpers and builder, exercises and their checker,
the evidence page, trainers' playlists."""
