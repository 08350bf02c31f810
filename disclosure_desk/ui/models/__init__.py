"""Qt item models over values prepared by ui.presenters; data() never touches the database."""
