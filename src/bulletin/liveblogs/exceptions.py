"""Errors the services raise, each named for the rule that was broken."""


class BulletinError(Exception):
    """A rule of the domain was broken; the message says which, for the person who broke it."""


class LiveBlogEnded(BulletinError):
    pass


class LiveBlogNotLive(BulletinError):
    pass


class StaleRevision(BulletinError):
    """Someone saved a newer revision since the editor opened this one."""

    def __init__(self, message: str, *, current: int):
        super().__init__(message)
        self.current = current


class PostNotPublished(BulletinError):
    pass


class PostAlreadyRetracted(BulletinError):
    pass
