"""Signing in and out of the desk, with failed attempts rate-limited."""

from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import throttle

TOO_MANY = "Too many failed attempts to sign in. Wait 15 minutes, then try again."
WRONG = "That username and password do not match. Check them and try again."


def sign_in(request: HttpRequest) -> HttpResponse:
    """Show the sign-in form; sign in, or say exactly why not."""
    form = AuthenticationForm(request)
    status = 200
    if request.method == "POST":
        username = request.POST.get("username", "")
        address = request.META.get("REMOTE_ADDR", "")
        if throttle.blocked(username, address):
            form.errors["__all__"] = form.error_class([TOO_MANY])
            status = 429
        elif (user := authenticate(request, username=username, password=request.POST.get("password", ""))):
            throttle.forget(username, address)
            login(request, user)
            return redirect(_next(request))
        else:
            throttle.record_failure(username, address)
            form = AuthenticationForm(request, initial={"username": username})
            form.errors["__all__"] = form.error_class([WRONG])
            status = 401
    return render(request, "bulletin/newsroom/sign_in.html", {"form": form, "next": _next(request)}, status=status)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/desk/"


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("/desk/sign-in/")
